package ru.rusoragentai.console.privacy.packages;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.privacy.PrivacyTask;
import ru.rusoragentai.console.privacy.PrivacyWork;

/** Package builds as the privacy worker sees them: a request whose tasks hold a package task. */
@Component
class PackageWork implements PrivacyWork {

    private final PackageService packages;

    PackageWork(PackageService packages) {
        this.packages = packages;
    }

    @Override
    public boolean owns(List<PrivacyTask> tasks) {
        return tasks.stream().anyMatch(task -> task.system().equals(PrivacyTask.PACKAGE));
    }

    @Override
    public void run(long requestId, Clock at) {
        packages.build(requestId, at);
    }
}
