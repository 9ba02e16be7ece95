package dev.stagecheck.demo;

/** Answers one request for one route and method. */
@FunctionalInterface
interface Handler {
    Response handle(Request request);
}
