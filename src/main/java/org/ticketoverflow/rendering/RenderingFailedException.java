package org.ticketoverflow.rendering;

/**
 * No SVG could be made.
 * <p>
 * {@link #retryable()} tells a job runner whether trying the same input again later may succeed: true for
 * failures of the environment (a timeout, a tool that could not be started or was killed, an I/O error), false
 * when the renderer gave its verdict on this input (an explicit error message, an empty SVG), which another
 * attempt would only repeat.
 */
public class RenderingFailedException extends RuntimeException {

    private final boolean retryable;

    public RenderingFailedException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public RenderingFailedException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
