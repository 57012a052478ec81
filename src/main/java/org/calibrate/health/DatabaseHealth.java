package org.calibrate.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.calibrate.runtime.Database;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** The database answers within two seconds and the schema is in place. */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {
    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.setQueryTimeout(2);
            st.executeQuery("select count(*) from platform").close();
            return HealthCheckResponse.named("database").up().withData("product", c.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
