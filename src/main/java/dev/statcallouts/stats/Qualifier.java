package dev.statcallouts.stats;

import java.util.Arrays;
import java.util.Optional;

/** A qualifier on a figure's number; "+" follows it ("$100 million+"), the others precede it. */
public enum Qualifier {
    PLUS("+", false),
    APPROXIMATELY("~", true),
    AT_LEAST("≥", true),
    AT_MOST("≤", true),
    MORE_THAN(">", true),
    LESS_THAN("<", true);

    public final String symbol;
    public final boolean prefix;

    Qualifier(String symbol, boolean prefix) {
        this.symbol = symbol;
        this.prefix = prefix;
    }

    public static Optional<Qualifier> ofSymbol(String symbol) {
        return Arrays.stream(values()).filter(q -> q.symbol.equals(symbol)).findFirst();
    }

    public String apply(String number) {
        return prefix ? symbol + number : number + symbol;
    }
}
