package org.calibrate.runtime;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * A rate limit per client address on the LTI endpoints that do work for anyone who asks (login initiation, the
 * launch, dynamic registration, the notice handler — a platform batches its notices, so one request carries many): {@code CALIBRATE_LTI_RATE_LIMIT} as burst/per-second, per node, 600/100 by
 * default. Past it the answer is 429 with Retry-After. Behind a reverse proxy every request comes from the proxy,
 * so the limit becomes one per node for everyone: size it for the whole school then.
 */
@WebFilter(urlPatterns = {"/lti/login", "/lti/launch", "/lti/launch/*", "/lti/register", "/lti/notices"})
public class LtiRateLimit implements Filter {
    private static final int MAX_ADDRESSES = 10_000;
    private TokenBuckets buckets;

    @Override
    public void init(FilterConfig config) {
        String setting = ConfigProvider.getConfig().getOptionalValue("calibrate.lti.rate.limit", String.class).orElse("600/100");
        buckets = new TokenBuckets(TokenBuckets.Limit.parse(setting), MAX_ADDRESSES);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        OptionalLong wait = buckets.take(request.getRemoteAddr(), System.nanoTime());
        if (wait.isPresent()) {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(429);
            http.setHeader("Retry-After", Long.toString(Math.max(1, wait.getAsLong())));
            // The code every refusal of the LTI endpoints carries, for admins' tools and logs.
            http.setHeader("X-Calibrate-Error", "rate_limited");
            http.setContentType("text/plain; charset=UTF-8");
            http.getWriter().write("Too many requests from your network just now. Try again in a few seconds.");
            return;
        }
        chain.doFilter(request, response);
    }
}
