package ru.rusoragentai.console.privacy;

/** Published when a request has new background work (a package to build, an approved erasure, a retry). */
public record WorkQueued(long requestId) {
}
