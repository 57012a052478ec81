package org.calibrate.demo.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import org.calibrate.runtime.Settings;

import java.io.IOException;

/** With the demo off ({@code CALIBRATE_DEMO=false}), nothing under {@code /demo} exists. */
@WebFilter(urlPatterns = "/demo/*")
public class DemoGate implements Filter {
    @Inject
    Settings settings;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!settings.demoEnabled()) {
            ((HttpServletResponse) response).sendError(404);
            return;
        }
        chain.doFilter(request, response);
    }
}
