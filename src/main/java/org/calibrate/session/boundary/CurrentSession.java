package org.calibrate.session.boundary;

import jakarta.enterprise.context.RequestScoped;
import org.calibrate.session.entity.SessionPrincipal;

/** The caller of the current API request, set by {@link ApiAuthorization} before the resource runs. */
@RequestScoped
public class CurrentSession {
    private SessionPrincipal principal;

    void set(SessionPrincipal principal) {
        this.principal = principal;
    }

    public SessionPrincipal principal() {
        if (principal == null) {
            throw new IllegalStateException("no authenticated session on this request");
        }
        return principal;
    }
}
