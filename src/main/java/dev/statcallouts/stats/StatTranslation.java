package dev.statcallouts.stats;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A figure's words in one more language: its label, context and the names of its sources. */
@Embeddable
public class StatTranslation {

    @Column(nullable = false, length = 200)
    public String label;

    @Column(length = 1000)
    public String context;

    /** Display names of the figure's sources, in their order; a blank or missing one keeps the original name. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "source_names", nullable = false)
    public List<String> sourceNames = new ArrayList<>();

    public StatTranslation() {}

    public StatTranslation(String label, String context, List<String> sourceNames) {
        this.label = label;
        this.context = context;
        this.sourceNames = new ArrayList<>(sourceNames);
    }
}
