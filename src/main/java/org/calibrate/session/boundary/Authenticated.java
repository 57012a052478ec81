package org.calibrate.session.boundary;

import org.calibrate.launch.entity.ToolRole;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tool roles allowed to call an API resource or method. Every {@code /api} resource carries it
 * (or {@link Public}); {@link ApiAuthorization} refuses anything else.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authenticated {
    ToolRole[] value() default {ToolRole.TEACHER, ToolRole.ADMIN};
}
