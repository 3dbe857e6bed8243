package app.smsdesk.desktop.ui;

import app.smsdesk.gateway.domain.ConflictException;
import app.smsdesk.gateway.domain.FeatureDisabledException;
import app.smsdesk.gateway.domain.ForbiddenException;
import app.smsdesk.gateway.domain.NotFoundException;
import app.smsdesk.gateway.domain.UnauthorizedException;
import app.smsdesk.gateway.domain.UnavailableException;
import app.smsdesk.gateway.domain.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * An error as the admin reads it: what happened and what to do next.
 *
 * @param message what happened, in plain words
 * @param hint what to do about it
 */
public record Problem(String message, String hint) {
    /** Turns the gateway's typed exceptions (and a few others) into words; unknown errors stay general. */
    public static Problem of(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof ValidationException) {
            return new Problem(sentence(e.getMessage()), "Correct the value and try again.");
        }
        if (e instanceof UnauthorizedException) {
            return new Problem("The password is not correct.", "Check it (and Caps Lock) and try again.");
        }
        if (e instanceof FeatureDisabledException) {
            return new Problem("JWT tokens are switched off for this gateway.",
                    "Turn them on under Settings › Gateway, then try again.");
        }
        if (e instanceof NotFoundException) {
            return new Problem(sentence(e.getMessage()), "It may have been removed meanwhile. Reload the list.");
        }
        if (e instanceof ConflictException) {
            return new Problem(sentence(e.getMessage()), "Reload to see the current state, then try again.");
        }
        if (e instanceof ForbiddenException) {
            return new Problem(sentence(e.getMessage()), "Use an account or token that has this permission.");
        }
        if (e instanceof UnavailableException) {
            return new Problem(sentence(e.getMessage()), "Wait a moment and try again.");
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return new Problem("The file could not be written or read: " + e.getMessage(),
                    "Choose another folder or file name, and check there is free disk space.");
        }
        return new Problem("Something unexpected went wrong (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").",
                "Try again. If it keeps happening, restart the console and look at the Logs page.");
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return "The gateway refused the request.";
        }
        // "phoneNumbers[0]: invalid ..." names a field: keep its spelling.
        boolean field = s.indexOf(':') > 0 && s.substring(0, s.indexOf(':')).matches("[\\w.\\[\\]]+");
        String t = field ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }
}
