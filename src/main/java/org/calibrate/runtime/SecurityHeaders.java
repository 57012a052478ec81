package org.calibrate.runtime;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Security headers on every response. The CSP allows scripts from this origin plus the app's import
 * map, by hash (an import map must be inline). Framing is limited to this origin and the registered
 * platforms' (the tool lives in LMS iframes, and nowhere else).
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeaders implements Filter {
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
    private String csp;
    @jakarta.inject.Inject
    org.calibrate.platform.control.FramingOrigins framing;

    @Override
    public void init(FilterConfig config) {
        String importMapHash = "";
        try (InputStream in = config.getServletContext().getResourceAsStream("/app/index.html")) {
            if (in != null) {
                Matcher m = IMPORT_MAP.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (m.find()) {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
                    importMapHash = " 'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
                }
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the app's import map", e);
        }
        csp = "default-src 'self'; script-src 'self'" + importMapHash + "; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'";
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("Content-Security-Policy", csp + "; " + framing.directive());
        http.setHeader("X-Content-Type-Options", "nosniff");
        http.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }
}
