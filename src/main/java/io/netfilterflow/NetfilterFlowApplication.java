package io.netfilterflow;

import io.netfilterflow.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the web app, or runs a command-line tool when the first argument is a word: a mistyped
 * command gets the usage and exit 64, never a server. Spring's own options start with {@code --}.
 */
@SpringBootApplication
public class NetfilterFlowApplication {

    public static void main(String[] args) {
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        SpringApplication.run(NetfilterFlowApplication.class, args);
    }
}
