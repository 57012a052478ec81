package org.calibrate.launch.boundary;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.calibrate.launch.control.LaunchRejected;

import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Arrays;

/**
 * Form posts under {@code /lti} (the launch, the login initiation) are refused with 415 unless they are
 * {@code application/x-www-form-urlencoded} in a charset Java knows. JAX-RS matches a request with no
 * content type, a wildcard type or an unknown charset to a form method and then fails to read the form,
 * which would end as a server error.
 */
@Provider
public class FormPosts implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
        if (consumes == null || !Arrays.asList(consumes.value()).contains(MediaType.APPLICATION_FORM_URLENCODED) || isForm(request.getMediaType())) {
            return;
        }
        request.abortWith(LaunchPages.rejected(new LaunchRejected(415, "not_a_form",
                "Calibrate expects this as an HTML form post (application/x-www-form-urlencoded), as LMSes send it.")));
    }

    static boolean isForm(MediaType type) {
        if (type == null || !type.getType().equalsIgnoreCase("application") || !type.getSubtype().equalsIgnoreCase("x-www-form-urlencoded")) {
            return false;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return charset == null || Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
