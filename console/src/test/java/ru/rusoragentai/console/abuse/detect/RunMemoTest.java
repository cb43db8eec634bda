package ru.rusoragentai.console.abuse.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunMemoTest {

    private final AtomicInteger reads = new AtomicInteger();

    private Integer ask(String question) {
        return RunMemo.answer(question, reads::incrementAndGet, answer -> answer < 100);
    }

    @Test
    void insideARunTheSameQuestionIsReadOnce() {
        try (RunMemo run = RunMemo.open()) {
            assertEquals(1, ask("hour"));
            assertEquals(1, ask("hour"));
            assertEquals(2, ask("week"));
        }
        assertEquals(2, reads.get());
    }

    @Test
    void outsideARunAndAfterItEveryQuestionIsReadAgain() {
        assertEquals(1, ask("hour"));
        assertEquals(2, ask("hour"));
        try (RunMemo run = RunMemo.open()) {
            assertEquals(3, ask("hour"));
        }
        assertEquals(4, ask("hour"));
    }

    @Test
    void anAnswerTheRunDeclinesToKeepIsReadEachTime() {
        reads.set(200);
        try (RunMemo run = RunMemo.open()) {
            assertEquals(201, ask("large"));
            assertEquals(202, ask("large"));
        }
    }

    @Test
    void aNestedRunEndsWithoutEndingTheOuterOne() {
        try (RunMemo outer = RunMemo.open()) {
            assertEquals(1, ask("hour"));
            try (RunMemo inner = RunMemo.open()) {
                assertEquals(2, ask("hour"));
            }
            assertEquals(1, ask("hour"));
        }
    }
}
