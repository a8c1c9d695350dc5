package org.neglectscorecard.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * The engine's statements (sql/engine/*.sql), with two kinds of hole: {@code :name} is a bound
 * value, {@code {name}} is SQL text from the catalogue, filled in after binding so catalogue SQL
 * is never scanned for parameters.
 */
public final class SqlTemplates {

    private static final Pattern BIND = Pattern.compile("(?<![:\\w]):([a-z_]+)|\\{([a-z_]+)}");

    private final String base;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** @param base where sql/ is, as a resource location ending in "/" (file: or classpath:) */
    public SqlTemplates(String base) {
        this.base = base;
    }

    /** A statement ready to run: SQL with ? placeholders and its values in order. */
    public record Statement(String sql, Object[] binds) {
    }

    public Statement statement(String name, Map<String, Object> binds, Map<String, String> text) {
        return statement(name, binds, text, Map.of());
    }

    /**
     * The same, with holes filled by other statements: {@code {name}} is {@code nested}'s
     * statement of that name, its SQL put in place and its values in their place among this one's.
     */
    public Statement statement(String name, Map<String, Object> binds, Map<String, String> text, Map<String, Statement> nested) {
        String template = cache.computeIfAbsent(name, this::read);
        List<Object> values = new ArrayList<>();
        Matcher m = BIND.matcher(template);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            if (m.group(2) != null) {
                Statement inner = nested.get(m.group(2));
                if (inner != null) {
                    values.addAll(List.of(inner.binds()));
                    m.appendReplacement(sql, Matcher.quoteReplacement(inner.sql()));
                } else {
                    m.appendReplacement(sql, Matcher.quoteReplacement(m.group()));
                }
                continue;
            }
            String key = m.group(1);
            if (!binds.containsKey(key)) {
                throw new IllegalStateException("sql/engine/" + name + ".sql needs a value for :" + key);
            }
            values.add(binds.get(key));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        String out = sql.toString();
        for (Map.Entry<String, String> e : text.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        if (out.matches("(?s).*\\{[a-z_]+}.*") && !text.containsKey("indicator_sql")) {
            throw new IllegalStateException("sql/engine/" + name + ".sql has an unfilled {placeholder}");
        }
        return new Statement(out, values.toArray());
    }

    private String read(String name) {
        Resource r = new DefaultResourceLoader().getResource(base + "engine/" + name + ".sql");
        try (InputStream in = r.getInputStream()) {
            return stripComments(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("sql/engine/" + name + ".sql could not be read from " + base, e);
        }
    }

    /** Whole-line comments only: they may contain colons and braces. */
    private static String stripComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
