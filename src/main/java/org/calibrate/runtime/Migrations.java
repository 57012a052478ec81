package org.calibrate.runtime;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the schema up to date before anything else touches the database. Flyway owns the
 * schema; JPA schema generation is off. Runs on every node; Flyway's own lock table keeps
 * concurrent starts of a cluster safe.
 */
@ApplicationScoped
public class Migrations {
    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object start) {
        var result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
