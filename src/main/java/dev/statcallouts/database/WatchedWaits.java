package dev.statcallouts.database;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;

/**
 * Work outside a request (a scheduled job) that may wait for a connection: registered with
 * {@link ConnectionWaits} while it runs, so that a wait past the acquisition timeout is ended.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface WatchedWaits {

    @WatchedWaits
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE)
    class Registering {

        @Inject
        ConnectionWaits waits;

        @AroundInvoke
        Object register(InvocationContext invocation) throws Exception {
            ConnectionWaits.Work work = waits.join();
            try {
                return invocation.proceed();
            } finally {
                waits.leave(work);
            }
        }
    }
}
