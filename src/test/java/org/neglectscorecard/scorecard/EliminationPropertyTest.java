package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The sparse elimination that finds withheld counts an outsider could work out agrees, on random
 * systems of sums and differences, with the definition: a variable is fixed exactly when dropping
 * its column lowers the rank (its unit vector lies in the row space).
 */
class EliminationPropertyTest {

    static final long P = 2_147_483_647L;

    @Property(tries = 300)
    void findsExactlyTheVariablesTheRankSaysAreFixed(@ForAll @IntRange(min = 1, max = 9) int rows,
                                                     @ForAll @IntRange(min = 1, max = 10) int columns, @ForAll long seed) {
        Random random = new Random(seed);
        long[][] m = new long[rows][columns];
        for (long[] row : m) {
            for (int j = 0; j < columns; j++) {
                int k = random.nextInt(5);   // mostly zeros, as sums of a few cells are
                row[j] = k == 0 ? 1 : k == 1 ? P - 1 : 0;
            }
        }
        List<Integer> expected = new ArrayList<>();
        int rank = rank(m, -1);
        for (int j = 0; j < columns; j++) {
            if (rank(m, j) == rank - 1) {
                expected.add(j);
            }
        }
        assertThat(DisclosureControl.Elimination.determinedColumns(copy(m), columns, P)).containsExactlyElementsOf(expected);
    }

    /** Larger systems, where rows outgrow their first table and entries come and go as rows are reduced. */
    @Property(tries = 60)
    void largerSystemsToo(@ForAll @IntRange(min = 10, max = 40) int rows, @ForAll @IntRange(min = 10, max = 60) int columns,
                          @ForAll long seed) {
        findsExactlyTheVariablesTheRankSaysAreFixed(rows, columns, seed);
    }

    /**
     * The visible cells a certificate names are enough: with every other visible cell made unknown
     * too, the withheld cell it is for is still fixed. (Withholding one of them is how secondary
     * suppression breaks that working out.)
     */
    @Property(tries = 300)
    void aCertificateNamesVisibleCellsThatAloneFixTheCell(@ForAll @IntRange(min = 1, max = 30) int rows,
                                                         @ForAll @IntRange(min = 2, max = 30) int columns, @ForAll long seed) {
        Random random = new Random(seed);
        List<int[]> eqCells = new ArrayList<>();
        List<int[]> eqCoefficients = new ArrayList<>();
        List<Integer> equations = new ArrayList<>();
        long[][] m = new long[rows][columns];
        for (int i = 0; i < rows; i++) {
            List<Integer> cs = new ArrayList<>();
            List<Integer> ks = new ArrayList<>();
            for (int j = 0; j < columns; j++) {
                int k = random.nextInt(6);
                if (k < 2) {
                    cs.add(j);
                    ks.add(k == 0 ? 1 : -1);
                    m[i][j] = k == 0 ? 1 : P - 1;
                }
            }
            eqCells.add(cs.stream().mapToInt(Integer::intValue).toArray());
            eqCoefficients.add(ks.stream().mapToInt(Integer::intValue).toArray());
            equations.add(i);
        }
        boolean[] withheld = new boolean[columns];
        for (int j = 0; j < columns; j++) {
            withheld[j] = random.nextInt(3) > 0;
        }
        for (int found = 0; found < columns; found++) {
            if (!withheld[found] || !fixed(m, withheld, found)) {
                continue;
            }
            List<Integer> certificate = DisclosureControl.Elimination.certificate(found, equations, eqCells, eqCoefficients,
                    withheld);
            boolean[] unknown = withheld.clone();
            for (int j = 0; j < columns; j++) {
                assertThat(!certificate.contains(j) || !withheld[j]).as("a certificate names visible cells only").isTrue();
                unknown[j] |= !certificate.contains(j);
            }
            assertThat(fixed(m, unknown, found)).as("cell " + found + " from " + certificate).isTrue();
        }
    }

    /**
     * A row's combination of the equations, replayed from the recorded steps of its own ancestry
     * only, is what the elimination made of it: the equations so combined give the row exactly as
     * the elimination left it, for every row (pivot rows, rows reduced to nothing, rows left alone).
     */
    @Property(tries = 200)
    void aRowsReplayedCombinationGivesTheRowTheEliminationLeft(@ForAll @IntRange(min = 1, max = 30) int rows,
                                                              @ForAll @IntRange(min = 1, max = 30) int columns,
                                                              @ForAll long seed) {
        Random random = new Random(seed);
        long[][] m = new long[rows][columns];
        List<DisclosureControl.Elimination.SparseRow> reduced = new ArrayList<>();
        for (long[] row : m) {
            DisclosureControl.Elimination.SparseRow sparse = new DisclosureControl.Elimination.SparseRow(4);
            for (int j = 0; j < columns; j++) {
                int k = random.nextInt(6);
                row[j] = k == 0 ? 1 : k == 1 ? P - 1 : k == 2 && random.nextInt(4) == 0 ? 2 + random.nextInt(5) : 0;
                if (row[j] != 0) {
                    sparse.put(j, row[j]);
                }
            }
            reduced.add(sparse);
        }
        DisclosureControl.Elimination.Steps steps = new DisclosureControl.Elimination.Steps();
        DisclosureControl.Elimination.determined(reduced, steps, P);
        for (int r = 0; r < rows; r++) {
            DisclosureControl.Elimination.SparseRow combination = steps.combination(r, rows, P);
            long[] combined = new long[columns];
            for (int n : combination.keys()) {
                for (int j = 0; j < columns; j++) {
                    combined[j] = Math.floorMod(combined[j] + combination.get(n) * m[n][j] % P, P);
                }
            }
            for (int j = 0; j < columns; j++) {
                assertThat(combined[j]).as("row " + r + ", column " + j).isEqualTo(reduced.get(r).get(j));
            }
        }
    }

    /** Whether the unknown cells' columns of the system fix the cell's (its unit vector is in their row space). */
    private static boolean fixed(long[][] m, boolean[] unknown, int cell) {
        long[][] restricted = new long[m.length][m.length == 0 ? 0 : m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                restricted[i][j] = unknown[j] ? m[i][j] : 0;
            }
        }
        return rank(restricted, cell) == rank(restricted, -1) - 1;
    }

    /** The elimination's sparse row keeps what a map would, whatever order keys are put and taken out in. */
    @Property(tries = 200)
    void aSparseRowKeepsWhatAMapKeeps(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2000) int keyRange) {
        Random random = new Random(seed);
        DisclosureControl.Elimination.SparseRow row = new DisclosureControl.Elimination.SparseRow(random.nextInt(8));
        java.util.Map<Integer, Long> map = new java.util.HashMap<>();
        for (int step = 0; step < 400; step++) {
            int key = random.nextInt(keyRange);
            if (random.nextInt(3) == 0) {
                row.remove(key);
                map.remove(key);
            } else {
                long value = 1 + random.nextInt(1000);
                assertThat(row.put(key, value)).isEqualTo(map.put(key, value) == null);
            }
            assertThat(row.size()).isEqualTo(map.size());
        }
        for (int key = 0; key < keyRange; key++) {
            assertThat(row.get(key)).isEqualTo(map.getOrDefault(key, 0L));
        }
        assertThat(java.util.Arrays.stream(row.keys()).boxed().toList()).containsExactlyInAnyOrderElementsOf(map.keySet());
    }

    private static long[][] copy(long[][] m) {
        long[][] c = new long[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Rank modulo P of the matrix without column {@code drop} (none if -1), by plain row reduction. */
    private static int rank(long[][] original, int drop) {
        long[][] m = copy(original);
        int rows = m.length;
        int columns = m.length == 0 ? 0 : m[0].length;
        int r = 0;
        for (int col = 0; col < columns && r < rows; col++) {
            if (col == drop) {
                continue;
            }
            int pivot = -1;
            for (int i = r; i < rows; i++) {
                if (m[i][col] % P != 0) {
                    pivot = i;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            long[] t = m[pivot];
            m[pivot] = m[r];
            m[r] = t;
            long inv = java.math.BigInteger.valueOf(m[r][col]).modInverse(java.math.BigInteger.valueOf(P)).longValue();
            for (int i = r + 1; i < rows; i++) {
                long f = m[i][col] * inv % P;
                for (int j = 0; j < columns; j++) {
                    m[i][j] = Math.floorMod(m[i][j] - f * m[r][j] % P, P);
                }
            }
            r++;
        }
        return r;
    }
}
