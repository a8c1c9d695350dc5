package org.neglectscorecard.indicators;

/**
 * A breakdown ("knowing our problem"): the SQL expression giving the group a child falls in at a
 * date. Defined in sql/breakdowns.yml.
 */
public record BreakdownDimension(String id, String title, String labelSql) {

    /** The label expression with the date it is taken at. */
    public String labelAt(String dateExpression) {
        return labelSql.replace("{at}", dateExpression);
    }
}
