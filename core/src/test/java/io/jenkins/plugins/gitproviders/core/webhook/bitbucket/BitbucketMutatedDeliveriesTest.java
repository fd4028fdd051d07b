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
import org.assertj.core.api.SoftAssertions;
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
        SoftAssertions softly = new SoftAssertions();
        Map<Outcome, Integer> wrongTypeOutcomes = new EnumMap<>(Outcome.class);
        for (String fixture : fixtures) {
            Map<String, String> headers = FixtureDeliveries.headers(fixture);
            byte[] body = Fixtures.bytes(fixture);
            Outcome original = parser.parse(WebhookDelivery.post(headers, body)).outcome();
            for (Mutation mutation : MutatedBodies.structural(body)) {
                ParseResult result = parser.parse(WebhookDelivery.post(headers, mutation.body()));
                softly.assertThat(result.outcome()).as(fixture + ", " + mutation.description())
                        .isEqualTo(original == Outcome.EVENT ? Outcome.MALFORMED : original);
                softly.assertThat(String.valueOf(result.reason())).as(fixture + ", " + mutation.description())
                        .doesNotContain("internal error");
            }
            for (Mutation mutation : MutatedBodies.wrongTypes(body, 300)) {
                ParseResult result = parser.parse(WebhookDelivery.post(headers, mutation.body()));
                wrongTypeOutcomes.merge(result.outcome(), 1, Integer::sum);
                softly.assertThat(String.valueOf(result.reason())).as(fixture + ", " + mutation.description())
                        .doesNotContain("internal error");
                for (WebhookEvent event : result.events()) {
                    for (String commit : new String[] {event.before(), event.after(), event.headCommit()}) {
                        if (commit != null) {
                            softly.assertThat(commit).as(fixture + ", " + mutation.description()).matches(COMMIT);
                        }
                    }
                }
            }
        }
        softly.assertAll();
        // Wrong types in the fields the parser reads are refused; those elsewhere leave the event intact.
        assertThat(wrongTypeOutcomes).containsKeys(Outcome.MALFORMED, Outcome.EVENT);
    }
}
