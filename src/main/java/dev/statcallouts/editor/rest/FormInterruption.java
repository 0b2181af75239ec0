package dev.statcallouts.editor.rest;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import dev.statcallouts.editor.service.EditorAuthService.SignedIn;

/**
 * Whether this form post from one of our own pages was interrupted: its session ended, or the
 * form was opened in an earlier session. Set by {@link EditorForms}, read by the endpoints that
 * give the typed form back ({@link KeepsTypedForm}).
 */
@RequestScoped
public class FormInterruption {

    /**
     * An interrupted post.
     *
     * @param current the editor signed in now, or null when the session has ended
     */
    public record Interrupted(SignedIn current) {

        public boolean signedOut() {
            return current == null;
        }
    }

    private boolean keepsTypedForm;
    private Interrupted interrupted;

    void keepsTypedForm() {
        keepsTypedForm = true;
    }

    boolean canKeepTypedForm() {
        return keepsTypedForm;
    }

    void interrupted(SignedIn current) {
        interrupted = new Interrupted(current);
    }

    public Optional<Interrupted> get() {
        return Optional.ofNullable(interrupted);
    }
}
