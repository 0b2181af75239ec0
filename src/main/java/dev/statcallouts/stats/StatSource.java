package dev.statcallouts.stats;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One source of a figure, in the order the editor listed them. */
@Embeddable
public class StatSource {

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 2000)
    public String url;

    public LocalDate published;

    public LocalDate accessed;

    public StatSource() {}

    public StatSource(String name, String url, LocalDate published, LocalDate accessed) {
        this.name = name;
        this.url = url;
        this.published = published;
        this.accessed = accessed;
    }
}
