package dev.statcallouts.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.agroal.api.AgroalDataSource;

/**
 * Ready only while PostgreSQL answers, and says so within two seconds of it going silent: the
 * change feed's own connection checks it every half second (its socket times out after one), and
 * a pooled connection must answer within a second. Stands in for the datasource's built-in check,
 * which waits as long as a frozen database keeps it waiting.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final Duration MAX_SILENCE = Duration.ofMillis(1500);
    private static final int VALIDATION_SECONDS = 1;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChangeFeed feed;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Database connections");
        if (!feed.answeredWithin(MAX_SILENCE)) {
            return response.down().withData("changeFeed", "not answering").build();
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS)
                    ? response.up().withData("changeFeed", "listening").build()
                    : response.down()
                            .withData("pool", "connection not answering")
                            .build();
        } catch (SQLException e) {
            return response.down().withData("pool", "no connection").build();
        }
    }
}
