package ru.rusoragentai.console.privacy.packages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import ru.rusoragentai.console.export.DeflatedFile;
import ru.rusoragentai.console.privacy.Subject;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** The package as one JSON document (see {@code privacy/package.schema.json}), compressed as it is written. */
final class JsonFormat implements PackageFormat {

    static final String FILE = "personal-data.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DeflatedFile file;
    private final OutputStream out;
    private final JsonGenerator json;
    private List<String> columns = List.of();

    JsonFormat(Path dir, Subject subject, LocalDateTime generatedAt) throws IOException {
        file = new DeflatedFile(dir.resolve(FILE + ".deflate"));
        out = file.open();
        json = JSON.createGenerator(out);
        json.writeStartObject();
        json.writeStringProperty("format", "rusoragentai-personal-data");
        json.writeNumberProperty("schemaVersion", 1);
        json.writeStringProperty("generatedAt", generatedAt.toString() + "Z");
        json.writeName("subject");
        json.writeStartObject();
        json.writeNumberProperty("userId", subject.userId());
        json.writeNumberProperty("telegramUserId", subject.telegramUserId());
        json.writeEndObject();
        json.writeName("categories");
        json.writeStartObject();
    }

    @Override
    public void startCategory(PackageCategory category) {
        columns = category.columns();
        json.writeName(category.key());
        json.writeStartArray();
    }

    @Override
    public void row(Object[] values) {
        json.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            json.writeName(columns.get(i));
            switch (values[i]) {
                case null -> json.writeNull();
                case Number n -> json.writeNumber(n.longValue());
                case Boolean b -> json.writeBoolean(b);
                case Object other -> json.writeString(other.toString());
            }
        }
        json.writeEndObject();
    }

    @Override
    public void endCategory() {
        json.writeEndArray();
    }

    @Override
    public void finish(Cover cover) throws IOException {
        json.writeEndObject();
        json.writeEndObject();
        json.close();
        out.close();
    }

    @Override
    public List<PackageZip.Entry> entries() {
        return List.of(new PackageZip.Compressed(FILE, file));
    }

    /** Whether the document is still being written (for tests of the error path). */
    boolean unfinished() {
        return file.unfinished();
    }

    @Override
    public void discard() {
        try {
            json.close();
            out.close();
        } catch (IOException | RuntimeException e) {
            // best effort on the error path; the working directory is deleted by the caller
        }
        file.discard();
    }
}
