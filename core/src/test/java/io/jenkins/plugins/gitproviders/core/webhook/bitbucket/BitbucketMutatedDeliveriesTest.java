package io.jenkins.plugins.gitproviders.core.webhook.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.testing.FixtureDeliveries;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.testing.MutatedBodies;
import io.jenkins.plugins.gitproviders.core.testing.MutatedBodies.Mutation;
import io.jenkins.plugins.gitproviders.core.webhook.ParseResult;
import io.jenkins.plugins.gitproviders.core.webhook.ParseResult.Outcome;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookDelivery;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookParser;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.Test;

public class BitbucketMutatedDeliveriesTest {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    @Test
    public void shouldRejectDamagedCloudBodiesWithoutThrowing() {
        checkCorpus(new BitbucketCloudWebhookParser(), FixtureDeliveries.bodies("bitbucket-cloud/webhook"));
    }

    @Test
    public void shouldRejectDamagedDataCenterBodiesWithoutThrowing() {
        List<String> bodies = new ArrayList<>(FixtureDeliveries.bodies("bitbucket-server/webhook"));
        bodies.addAll(FixtureDeliveries.bodies("bitbucket-server/webhook/signed"));
        checkCorpus(BitbucketDataCenterWebhookParser.forServer("https://bitbucket.example.com"), bodies);
    }

    /**
     * Parses every mutation of every fixture: structural damage must be refused (MALFORMED, or IGNORED for an event
     * key the parser does not read), wrong types anywhere must never throw nor hit the internal-error safety net, and
     * any event still produced must carry valid commit ids.
     */
    static void checkCorpus(WebhookParser parser, List<String> fixtures) {
        // Plain checks gathered in a list: soft assertions would cost a proxy per call over tens of thousands of parses.
        List<String> problems = new ArrayList<>();
        Map<Outcome, Integer> wrongTypeOutcomes = new EnumMap<>(Outcome.class);
        for (String fixture : fixtures) {
            Map<String, String> headers = FixtureDeliveries.headers(fixture);
            byte[] body = Fixtures.bytes(fixture);
            Outcome original = parser.parse(WebhookDelivery.post(headers, body)).outcome();
            for (Mutation mutation : MutatedBodies.structural(body)) {
                ParseResult result = parser.parse(WebhookDelivery.post(headers, mutation.body()));
                Outcome expected = original == Outcome.EVENT ? Outcome.MALFORMED : original;
                // A pr:modified is ignored for what its body says (no new target): a damaged body is malformed.
                boolean bodyDecided = original == Outcome.IGNORED && "pr:modified".equals(headers.get("X-Event-Key"));
                if (result.outcome() != expected && !(bodyDecided && result.outcome() == Outcome.MALFORMED)) {
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
        // Wrong types in the fields the parser reads are refused; those elsewhere leave the event intact.
        assertThat(wrongTypeOutcomes).containsKeys(Outcome.MALFORMED, Outcome.EVENT);
    }
}
