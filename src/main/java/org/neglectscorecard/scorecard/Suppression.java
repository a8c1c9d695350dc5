package org.neglectscorecard.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Secondary suppression (OUTPUTS.md section 2). A count withheld because it is 1 to 5 children
 * could be worked out from what is shown beside it: the partnership's total less its other LAs,
 * or an area's total less its other groups of the same breakdown. Where exactly one of such a set
 * is withheld, the next smallest shown value of the set is withheld too. The partnership's own
 * total is never the one withheld: it is what the board reads.
 */
public final class Suppression {

    private Suppression() {
    }

    /**
     * The values with secondary suppression applied (suppressed set true), in the same order.
     *
     * @param members the area codes of the partnership's member LAs
     */
    public static List<IndicatorValue> withSecondary(List<IndicatorValue> values, String partnershipCode, Set<String> members,
                                                     Set<String> countsOfPeople) {
        Map<String, List<Integer>> sets = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            IndicatorValue v = values.get(i);
            if (!countsOfPeople.contains(v.indicatorId()) || v.value() == null) {
                continue;
            }
            if (members.contains(v.areaCode())) {
                sets.computeIfAbsent("areas|" + v.indicatorId() + "|" + v.periodEnd() + "|" + v.breakdown(), k -> new ArrayList<>()).add(i);
            }
            if (!v.isHeadline()) {
                String dimension = v.breakdown().contains("=") ? v.breakdown().substring(0, v.breakdown().indexOf('=')) : v.breakdown();
                sets.computeIfAbsent("groups|" + v.indicatorId() + "|" + v.areaCode() + "|" + v.periodEnd() + "|" + dimension,
                        k -> new ArrayList<>()).add(i);
            }
        }
        boolean[] suppressed = new boolean[values.size()];
        for (int i = 0; i < values.size(); i++) {
            suppressed[i] = values.get(i).suppressed();
        }
        // A secondary suppression can leave another set with one withheld value: repeat until none does.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<Integer> set : sets.values()) {
                if (set.size() < 2) {
                    continue;
                }
                long withheld = set.stream().filter(i -> suppressed[i]).count();
                if (withheld != 1) {
                    continue;
                }
                Integer next = set.stream().filter(i -> !suppressed[i] && values.get(i).value().signum() > 0)
                        .min(Comparator.comparing((Integer i) -> values.get(i).value()).thenComparing(i -> values.get(i).areaCode()))
                        .orElse(null);
                if (next != null) {
                    suppressed[next] = true;
                    changed = true;
                }
            }
        }
        List<IndicatorValue> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            IndicatorValue v = values.get(i);
            out.add(suppressed[i] == v.suppressed() ? v : new IndicatorValue(v.indicatorId(), v.areaCode(), v.areaName(),
                    v.periodEnd(), v.breakdown(), v.value(), v.numerator(), v.denominator(), v.inMonthValue(), v.unit(), true));
        }
        return out;
    }

}
