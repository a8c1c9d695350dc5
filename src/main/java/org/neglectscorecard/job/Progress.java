package org.neglectscorecard.job;

import java.io.PrintStream;

import org.springframework.stereotype.Component;

/**
 * What the person running the job sees as it goes: one plain line per thing done. Progress bars
 * for long work are drawn by the command line around this.
 */
@Component
public class Progress {

    private volatile PrintStream out = System.out;

    public void say(String line) {
        out.println(line);
        out.flush();
    }

    public void sendTo(PrintStream stream) {
        this.out = stream;
    }
}
