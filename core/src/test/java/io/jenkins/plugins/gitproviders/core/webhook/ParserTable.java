package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;

/**
 * Checks a parser against a table of fixture files and what each must become. The table must name every fixture in
 * its folders, so a new fixture cannot go untested.
 */
public final class ParserTable {
    private final List<String> folders;
    private final Map<String, Row> rows = new TreeMap<>();

    private ParserTable(List<String> folders) {
        this.folders = folders;
    }

    /** Starts a table for the fixtures below the given folders (file names in rows are relative to them). */
    public static ParserTable of(String... folders) {
        return new ParserTable(List.of(folders));
    }

    /** Adds rows; a file must appear once. */
    public ParserTable with(Row... table) {
        for (Row row : table) {
            assertThat(rows.put(row.file, row)).as("row for %s appears twice", row.file).isNull();
        }
        return this;
    }

    /** Parses every fixture with the parser and compares with its row. */
    public void check(WebhookParser parser) {
        List<String> files = new ArrayList<>();
        for (String folder : folders) {
            for (String file : FixtureDeliveries.jsonFilesUnder(folder)) {
                files.add(file);
            }
        }
        List<String> names = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        for (String file : files) {
            String name = file.replaceFirst("^[^/]+/webhook/", "");
            names.add(name);
            Row row = rows.get(name);
            if (row == null) {
                softly.fail("No expectation for fixture %s; add a row to the table", file);
                continue;
            }
            ParseResult result = parser.parse(FixtureDeliveries.load(file));
            softly.assertThat(result.outcome()).as("%s outcome (%s)", file, result.reason()).isEqualTo(row.outcome);
            if (row.outcome == ParseResult.Outcome.EVENT && result.event() != null) {
                WebhookEvent event = result.event();
                softly.assertThat(event.kind()).as("%s kind", file).isEqualTo(row.kind);
                softly.assertThat(event.repositoryInfo().map(repo -> repo.host() + "/" + repo.fullPath()).orElse(null))
                        .as("%s repository", file).isEqualTo(row.repository);
                softly.assertThat(event.ref()).as("%s ref", file).isEqualTo(row.ref);
                softly.assertThat(event.headCommit()).as("%s head commit", file).isEqualTo(row.commit);
                softly.assertThat(event.pullRequestNumber()).as("%s pull request", file).isEqualTo(row.pullRequest);
            } else if (row.outcome != ParseResult.Outcome.EVENT) {
                softly.assertThat(result.reason()).as("%s reason", file).contains(row.reason);
            }
        }
        softly.assertThat(rows.keySet()).as("rows without a fixture").isSubsetOf(names);
        softly.assertAll();
    }

    /** Expects an event. */
    public static Row event(String file, EventKind kind, @CheckForNull String repository, @CheckForNull String ref,
            @CheckForNull String commit, @CheckForNull Integer pullRequest) {
        return new Row(file, ParseResult.Outcome.EVENT, kind, repository, ref, commit, pullRequest, null);
    }

    /** Expects the delivery to be ignored with a reason containing the text. */
    public static Row ignored(String file, String reason) {
        return new Row(file, ParseResult.Outcome.IGNORED, null, null, null, null, null, reason);
    }

    /** Expects the delivery to be malformed with a reason containing the text. */
    public static Row malformed(String file, String reason) {
        return new Row(file, ParseResult.Outcome.MALFORMED, null, null, null, null, null, reason);
    }

    /** One fixture and what it must become. */
    public static final class Row {
        final String file;
        final ParseResult.Outcome outcome;
        final EventKind kind;
        final String repository;
        final String ref;
        final String commit;
        final Integer pullRequest;
        final String reason;

        Row(String file, ParseResult.Outcome outcome, @CheckForNull EventKind kind, @CheckForNull String repository,
                @CheckForNull String ref, @CheckForNull String commit, @CheckForNull Integer pullRequest,
                @CheckForNull String reason) {
            this.file = file;
            this.outcome = outcome;
            this.kind = kind;
            this.repository = repository;
            this.ref = ref;
            this.commit = commit;
            this.pullRequest = pullRequest;
            this.reason = reason;
        }
    }
}
