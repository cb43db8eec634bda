package ru.rusoragentai.console.demo;

import org.jspecify.annotations.Nullable;
import java.util.List;

/** The vocabulary demo data is drawn from: names, devices, places, models and token packs. */
final class DemoCatalog {

    record Model(@Nullable String provider, String model, int tokensPerMillionInput, int tokensPerMillionOutput) {
    }

    record Place(@Nullable String country, @Nullable String region) {
    }

    record Pack(String productId, long tokens, long amountMinor, String currency) {
    }

    static final List<String> LATIN_FIRST = List.of("John", "Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia",
            "Ethan", "Sofia", "Daniel", "Chloe", "Max", "Anna", "Leon", "Lena", "Oscar", "Nora", "Felix", "Clara");
    static final List<String> LATIN_LAST = List.of("Smith", "Johnson", "Brown", "Miller", "Wilson", "Taylor", "Clark",
            "Walker", "Young", "King", "Schmidt", "Weber", "Novak", "Horvat", "Kowalski", "Rossi", "Garcia", "Silva");
    static final List<String> CYRILLIC_FIRST = List.of("Иван", "Мария", "Алексей", "Анна", "Дмитрий", "Елена",
            "Сергей", "Ольга", "Андрей", "Татьяна", "Михаил", "Наталья", "Николай", "Юлия", "Павел", "Ксения", "Артём", "Дарья");
    static final List<String> CYRILLIC_LAST = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров",
            "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров");
    static final List<String> TRANSLIT_FIRST = List.of("ivan", "maria", "alexey", "anna", "dmitry", "elena", "sergey",
            "olga", "andrey", "tatiana", "mikhail", "natalia", "nikolay", "yulia", "pavel", "ksenia", "artem", "daria");
    static final List<String> EMAIL_DOMAINS = List.of("gmail.com", "yandex.ru", "mail.ru", "proton.me", "outlook.com");

    static final List<String> DEVICES = List.of("desktop", "desktop", "mobile", "mobile", "tablet");
    static final List<String> BROWSERS = List.of("Chrome", "Safari", "Firefox", "Edge", "Yandex Browser", "Telegram WebView");
    static final List<String> DESKTOP_OS = List.of("Windows 11", "Windows 10", "macOS 15", "Ubuntu 24.04");
    static final List<String> MOBILE_OS = List.of("Android 15", "Android 14", "iOS 18", "iPadOS 18");
    static final List<Place> PLACES = List.of(new Place("RU", "Moscow"), new Place("RU", "Saint Petersburg"),
            new Place("RU", "Novosibirsk"), new Place("RU", "Kazan"), new Place("KZ", "Almaty"), new Place("BY", "Minsk"),
            new Place("RS", "Belgrade"), new Place("GE", "Tbilisi"), new Place("AM", "Yerevan"), new Place("DE", "Berlin"),
            new Place("TR", "Istanbul"), new Place("US", "California"));

    static final List<Model> MODELS = List.of(
            new Model("anthropic", "claude-sonnet-4-5", 3_000, 15_000),
            new Model("anthropic", "claude-haiku-4-5", 1_000, 5_000),
            new Model("anthropic", "claude-opus-4-1", 15_000, 75_000),
            new Model("openai", "gpt-5", 1_250, 10_000),
            new Model("openai", "gpt-5-mini", 250, 2_000),
            new Model("openai", "gpt-4.1", 2_000, 8_000),
            new Model("google", "gemini-2.5-pro", 1_250, 10_000),
            new Model("google", "gemini-2.5-flash", 300, 2_500));
    static final List<String> FEATURES = List.of("chat", "chat", "code_generation", "code_review", "refactoring", "agent_run");

    static final List<Pack> PACKS = List.of(
            new Pack("tokens-100k", 100_000, 49_900, "RUB"),
            new Pack("tokens-500k", 500_000, 199_900, "RUB"),
            new Pack("tokens-2m", 2_000_000, 599_900, "RUB"),
            new Pack("tokens-500k-eur", 500_000, 1_999, "EUR"),
            new Pack("tokens-2m-usd", 2_000_000, 5_999, "USD"));

    static final List<String> PROMPTS = List.of("Write a Spring Boot controller for file uploads",
            "Почему мой SQL-запрос работает медленно?", "Refactor this React component to hooks",
            "Объясни разницу между Kafka и RabbitMQ", "Generate unit tests for this service",
            "Помоги написать Dockerfile для Go-приложения", "Review my pull request for security issues");

    private DemoCatalog() {
    }
}
