package org.calibrate.runtime;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one datasource of the application. Its URL, driver and credentials come from the
 * environment ({@code CALIBRATE_DB_URL}, {@code CALIBRATE_DB_USER}, {@code CALIBRATE_DB_PASSWORD});
 * the launcher fills in the embedded H2 defaults. System properties and environment variables are
 * the only sources early enough for these placeholders.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=calibrate.db.datasource}",
        url = "${MPCONFIG=calibrate.db.url}",
        user = "${MPCONFIG=calibrate.db.user}",
        password = "${MPCONFIG=calibrate.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.log-jdbc-calls=false", "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit"})
@ApplicationScoped
public class Database {
    public static final String JNDI_NAME = "java:app/jdbc/calibrate";
}
