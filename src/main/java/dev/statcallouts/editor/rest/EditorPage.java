package dev.statcallouts.editor.rest;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * A resource of the editors' pages: its form posts are checked by {@link EditorForms} (and only
 * its requests have their forms read before the endpoint runs).
 */
@NameBinding
@Target({TYPE, METHOD})
@Retention(RUNTIME)
public @interface EditorPage {}
