package org.neglectscorecard.job;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the person running the job sees as it goes: one plain line per thing done, and on a
 * terminal a progress bar with rate and time remaining for each long piece of work (reading a
 * file, computing the indicators). Off a terminal (a scheduler, a log, a test) only the lines.
 */
@Component
public class Progress {

    /** A piece of work with a size: steps are added as it goes. */
    public interface Task extends AutoCloseable {
        void step(long n);

        @Override
        void close();
    }

    private static final Task NONE = new Task() {
        @Override
        public void step(long n) {
        }

        @Override
        public void close() {
        }
    };

    private volatile PrintStream out = System.out;
    private final boolean bars;

    public Progress(@Value("${scorecard.progress-bars:auto}") String bars) {
        this.bars = "always".equals(bars) || "auto".equals(bars) && System.console() != null;
    }

    public void say(String line) {
        out.println(line);
        out.flush();
    }

    public void sendTo(PrintStream stream) {
        this.out = stream;
    }

    /**
     * A progress bar for {@code total} units (bytes are shown in MB), or nothing when not on a
     * terminal. Closing it clears it, so the line said afterwards stands alone.
     */
    public Task task(String name, long total, String unit) {
        if (!bars || total <= 0) {
            return NONE;
        }
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setMaxRenderedLength(110).clearDisplayOnFinish()
                .setSpeedUnit(ChronoUnit.SECONDS).showSpeed(new DecimalFormat("#,##0.0"));
        if ("bytes".equals(unit)) {
            if (total < 20_000_000) {
                b.setUnit(" kB", 1_000);
            } else {
                b.setUnit(" MB", 1_000_000);
            }
        } else {
            b.setUnit(" " + unit, 1);
        }
        ProgressBar bar = b.build();
        return new Task() {
            @Override
            public void step(long n) {
                bar.stepBy(n);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
