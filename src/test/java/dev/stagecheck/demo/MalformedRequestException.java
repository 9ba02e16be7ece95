package dev.stagecheck.demo;

/** A request the site cannot read (bad percent-encoding, oversized body); answered with {@link #status()}. */
final class MalformedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    MalformedRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
