package dev.statcallouts.editor.rest;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * A form post whose typed values come back to the editor when its session ended or changed while
 * the form was open (see {@link EditorForms}); the endpoint reads {@link FormInterruption} first.
 */
@NameBinding
@Target(METHOD)
@Retention(RUNTIME)
public @interface KeepsTypedForm {}
