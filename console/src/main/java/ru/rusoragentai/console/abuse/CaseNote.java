package ru.rusoragentai.console.abuse;

import java.time.LocalDateTime;

public record CaseNote(long id, String author, String body, LocalDateTime createdAt) {
}
