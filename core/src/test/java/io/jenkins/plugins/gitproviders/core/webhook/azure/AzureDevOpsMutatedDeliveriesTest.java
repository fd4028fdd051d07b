package io.jenkins.plugins.gitproviders.core.webhook.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.testing.FixtureDeliveries;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.testing.MutatedBodies;
import io.jenkins.plugins.gitproviders.core.testing.MutatedBodies.Mutation;
import io.jenkins.plugins.gitproviders.core.webhook.ParseResult;
import io.jenkins.plugins.gitproviders.core.webhook.ParseResult.Outcome;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookDelivery;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.Test;

public class AzureDevOpsMutatedDeliveriesTest {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private final AzureDevOpsWebhookParser parser = new AzureDevOpsWebhookParser();

    @Test
    public void shouldRejectDamagedBodiesWithoutThrowing() {
        // Plain checks gathered in a list: soft assertions would cost a proxy per call over tens of thousands of parses.
        List<String> problems = new ArrayList<>();
        Map<Outcome, Integer> wrongTypeOutcomes = new EnumMap<>(Outcome.class);
        for (String fixture : FixtureDeliveries.bodies("azure-devops/webhook")) {
            Map<String, String> headers = FixtureDeliveries.headers(fixture);
            byte[] body = Fixtures.bytes(fixture);
            // Azure names the event in the body, so any structural damage is refused before the type is known.
            for (Mutation mutation : MutatedBodies.structural(body)) {
                ParseResult result = parser.parse(WebhookDelivery.post(headers, mutation.body()));
                if (result.outcome() != Outcome.MALFORMED) {
                    problems.add(fixture + ", " + mutation.description() + ": " + result.outcome() + " " + result.reason());
                }
                if (String.valueOf(result.reason()).contains("internal error")) {
                    problems.add(fixture + ", " + mutation.description() + ": " + result.reason());
                }
            }
            for (Mutation mutation : MutatedBodies.wrongTypes(body, 150)) {
                ParseResult result = parser.parse(WebhookDelivery.post(headers, mutation.body()));
                wrongTypeOutcomes.merge(result.outcome(), 1, Integer::sum);
                if (String.valueOf(result.reason()).contains("internal error")) {
                    problems.add(fixture + ", " + mutation.description() + ": " + result.reason());
                }
                for (WebhookEvent event : result.events()) {
                    for (String commit : new String[] {event.before(), event.after(), event.headCommit()}) {
                        if (commit != null) {
                            if (!COMMIT.matcher(commit).matches()) {
                                problems.add(fixture + ", " + mutation.description() + ": commit " + commit);
                            }
                        }
                    }
                }
            }
        }
        assertThat(problems).as("damaged deliveries handled wrongly").isEmpty();
        assertThat(wrongTypeOutcomes).containsKeys(Outcome.MALFORMED, Outcome.EVENT, Outcome.IGNORED);
    }

    @Test
    public void shouldNameTheReasonOfEachStructuralDamage() {
        byte[] body = Fixtures.bytes("azure-devops/webhook/git.push.json");
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        for (Mutation mutation : MutatedBodies.structural(body)) {
            reasons.put(mutation.description(),
                    parser.parse(WebhookDelivery.post(Map.of(), mutation.body())).reason());
        }

        assertThat(reasons.get("truncated to 0 bytes")).contains("body is empty");
        assertThat(reasons.get("invalid UTF-8 byte inside")).contains("not valid UTF-8");
        assertThat(reasons.get("nested 100 000 deep")).contains("deeper than 64 levels");
        assertThat(reasons.get("nested 65 deep inside the body")).contains("deeper than 64 levels");
        assertThat(reasons.get("truncated to 1 bytes")).contains("not valid JSON (line");
        assertThat(reasons.get("duplicate key")).contains("not valid JSON");
        assertThat(reasons.get("top-level array")).contains("must be a JSON object");
    }
}
