package io.jenkins.plugins.gitproviders.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import hudson.ExtensionList;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.FlagRule;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.kohsuke.stapler.verb.POST;

/**
 * Every web method of the provider descriptors and of the configuration: POST only, Overall/Manage required, and
 * no secret in any answer. A user with Overall/Read alone gets 403 from every check; the drop-downs answer such a
 * user with the current value only, as the Credentials consumer guide prescribes. Listing and looking up credentials
 * and testing unsaved values need Overall/Administer: a manager gets the current value only and no lookup.
 */
public class GitProvidersWebMethodsITest {
    private static final String CONFIGURATION = GitProvidersConfiguration.class.getName();

    /** Every web method, with parameters and a fragment of the answer an Overall/Manage user gets. */
    private static final List<WebMethod> METHODS = List.of(
            check("doCheckName", Map.of("value", ""), "Enter a name"),
            check("doCheckServerUrl", Map.of("value", "https://github.example.com"), "always uses https://github.com"),
            check("doCheckApiUrl", Map.of("value", "ftp://api.example.com"), "must start with https://"),
            check("doCheckScope", Map.of("value", "-acme-"), "is not a valid GitHub organization or user"),
            check("doCheckUsername", Map.of("value", "jenkins bot"), "must not contain spaces"),
            check("doCheckEmail", Map.of("value", "not-an-email", "credentialsId", ""), "is not an email address"),
            check("doCheckCredentialsId", Map.of("value", "missing-token", "serverUrl", ""), "is visible to Jenkins"),
            check("doCheckSshCredentialsId", Map.of("value", ""), "Cloning uses HTTPS with the API credentials"),
            check("doCheckWebhookSecretCredentialsId", Map.of("value", ""), "Without a webhook secret"),
            check("doCheckAllowedItems", Map.of("value", "team-a//deploy"), "contains &#039;//&#039;"),
            // An unknown credential: the diagnosis stops before any request leaves Jenkins.
            check(
                    "doTestConnection",
                    Map.of("name", "probe", "credentialsId", "missing-token"),
                    "has no usable credential with the ID"),
            check(
                    "doCheckPreviousWebhookSecretCredentialsId",
                    Map.of("value", "missing-secret"),
                    "is visible to Jenkins"),
            fill(
                    "doFillCredentialsIdItems",
                    "credentialsId",
                    Map.of("serverUrl", ""),
                    "github-prod-token",
                    "deploy-key"),
            fill("doFillSshCredentialsIdItems", "sshCredentialsId", Map.of(), "deploy-key", "github-prod-token"),
            fill(
                    "doFillWebhookSecretCredentialsIdItems",
                    "webhookSecretCredentialsId",
                    Map.of(),
                    "github-webhook-secret",
                    "deploy-key"),
            fill(
                    "doFillPreviousWebhookSecretCredentialsIdItems",
                    "previousWebhookSecretCredentialsId",
                    Map.of(),
                    "github-webhook-secret-old",
                    "deploy-key"),
            new WebMethod(
                    CONFIGURATION,
                    "doCheckDefaultProvider",
                    Map.of("value", "Staging GitHub"),
                    false,
                    "No active provider is named",
                    null));

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public FlagRule<Boolean> systemRead =
            new FlagRule<>(Jenkins.SYSTEM_READ::getEnabled, Jenkins.SYSTEM_READ::setEnabled, true);

    /** Overall/Manage is off unless enabled (the system property or an authorization strategy that offers it). */
    @Rule
    public FlagRule<Boolean> manage = new FlagRule<>(Jenkins.MANAGE::getEnabled, Jenkins.MANAGE::setEnabled, true);

    @Before
    public void secureJenkins() throws Exception {
        TestProviders.addCredentials();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, Jenkins.SYSTEM_READ)
                .everywhere()
                .to("auditor")
                .grant(Jenkins.READ, Jenkins.MANAGE)
                .everywhere()
                .to("manager")
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));
    }

    @Test
    public void shouldListEveryWebMethodOfTheDescriptorsAndTheConfigurationAsPostOnly() {
        // Given
        Set<String> declared = new TreeSet<>();
        for (Class<?> type : List.of(GitProviderDescriptor.class, GitProvidersConfiguration.class)) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && method.getName().startsWith("do")) {
                    declared.add(method.getName());
                    // Then each is POST only
                    assertThat(
                            method.getName() + " answers POST only", method.isAnnotationPresent(POST.class), is(true));
                }
            }
        }

        // Then this test covers each of them
        Set<String> tested = METHODS.stream().map(WebMethod::javaName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared, is(tested));
    }

    @Test
    public void shouldRefuseEveryCheckToAUserWithOverallReadOnlyOnEveryProviderType() throws Exception {
        // Given
        JenkinsRule.WebClient reader = j.createWebClient().login("reader");

        for (GitProviderDescriptor descriptor : ExtensionList.lookup(GitProviderDescriptor.class)) {
            for (WebMethod method : METHODS) {
                // When
                WebResponse response = post(reader, method.urlFor(descriptor), method.parameters());

                // Then
                String what = method.javaName() + " of " + descriptor.getProviderType();
                if (method.fill()) {
                    assertThat(what, response.getStatusCode(), is(200));
                    assertThat(what, response.getContentAsString(), containsString("current-id"));
                    assertThat(what, response.getContentAsString(), not(containsString(method.listed())));
                } else {
                    assertThat(what, response.getStatusCode(), is(403));
                    assertThat(
                            what, response.getResponseHeaderValue("X-Required-Permission"), is(Jenkins.MANAGE.getId()));
                    assertThat(what, response.getContentAsString(), not(containsString(method.answer())));
                }
            }
        }
    }

    @Test
    public void shouldRefuseEveryWebMethodToAnonymousAndToGet() throws Exception {
        // Given
        JenkinsRule.WebClient anonymous = j.createWebClient();
        JenkinsRule.WebClient manager = j.createWebClient().login("manager");
        GitProviderDescriptor gitHub = ExtensionList.lookupSingleton(GitHubProvider.DescriptorImpl.class);

        for (WebMethod method : METHODS) {
            // When
            WebResponse anonymousPost = post(anonymous, method.urlFor(gitHub), method.parameters());
            WebResponse managerGet = manager.loadWebResponse(
                    new WebRequest(new URL(j.getURL(), method.urlFor(gitHub) + "?value=x"), HttpMethod.GET));

            // Then
            assertThat(method.javaName(), anonymousPost.getStatusCode(), is(403));
            assertThat(method.javaName() + " by GET", managerGet.getStatusCode(), anyOf(is(404), is(405)));
            assertThat(
                    method.javaName() + " by GET",
                    managerGet.getContentAsString(),
                    not(containsString(method.answer())));
        }
    }

    @Test
    public void shouldAnswerEveryWebMethodToAnAdministratorWithoutSecrets() throws Exception {
        // Given
        JenkinsRule.WebClient admin = j.createWebClient().login("admin");
        GitProviderDescriptor gitHub = ExtensionList.lookupSingleton(GitHubProvider.DescriptorImpl.class);

        for (WebMethod method : METHODS) {
            // When
            WebResponse response = post(admin, method.urlFor(gitHub), method.parameters());

            // Then
            String body = response.getContentAsString();
            assertThat(method.javaName(), response.getStatusCode(), is(200));
            assertThat(method.javaName(), body, containsString(method.answer()));
            if (method.fill()) {
                assertThat(
                        method.javaName() + " lists only the kinds it accepts",
                        body,
                        not(containsString(method.refused())));
            }
            for (String secret : TestProviders.SECRETS) {
                assertThat(method.javaName(), body, not(containsString(secret)));
            }
        }
    }

    @Test
    public void shouldNeitherListNorLookUpCredentialsNorTestUnsavedValuesForAManager() throws Exception {
        // Given
        JenkinsRule.WebClient manager = j.createWebClient().login("manager");
        GitProviderDescriptor gitHub = ExtensionList.lookupSingleton(GitHubProvider.DescriptorImpl.class);

        for (WebMethod method : METHODS) {
            // When
            WebResponse response = post(manager, method.urlFor(gitHub), method.parameters());

            // Then
            String body = response.getContentAsString();
            assertThat(method.javaName(), response.getStatusCode(), is(200));
            for (String secret : TestProviders.SECRETS) {
                assertThat(method.javaName(), body, not(containsString(secret)));
            }
            if (method.fill()) {
                assertThat(method.javaName(), body, containsString("current-id"));
                assertThat(method.javaName(), body, not(containsString(method.listed())));
            } else if (method.javaName().equals("doTestConnection")) {
                assertThat(body, containsString("Only administrators can test values that are not saved"));
            } else if (method.answer().contains("is visible to Jenkins")) {
                assertThat(method.javaName() + " looks nothing up", body, not(containsString(method.answer())));
            } else {
                assertThat(method.javaName(), body, containsString(method.answer()));
            }
        }
    }

    @Test
    public void shouldListApiCredentialsOfTheDomainOfTheAddressesTheTokenGoesTo() throws Exception {
        // Given
        JenkinsRule.WebClient manager = j.createWebClient().login("admin");
        GitProviderDescriptor gitLab = ExtensionList.lookupSingleton(GitLabSelfManagedProvider.DescriptorImpl.class);
        GitProviderDescriptor gitHub = ExtensionList.lookupSingleton(GitHubProvider.DescriptorImpl.class);
        String fill = "fillCredentialsIdItems";

        // When
        String forTeamGitLab = post(manager, urlOf(gitLab, fill), Map.of("serverUrl", "https://gitlab.example.com"))
                .getContentAsString();
        String forOtherGitLab = post(manager, urlOf(gitLab, fill), Map.of("serverUrl", "https://gitlab.acme.example"))
                .getContentAsString();
        String forGitHub =
                post(manager, urlOf(gitHub, fill), Map.of("serverUrl", "")).getContentAsString();
        String checkOther = post(
                        manager,
                        urlOf(gitLab, "checkCredentialsId"),
                        Map.of("value", "gitlab-internal-token", "serverUrl", "https://gitlab.acme.example"))
                .getContentAsString();
        // The token goes to the API address, elsewhere than the server: the credential's domain must match it too
        String forOtherApi = post(
                        manager,
                        urlOf(gitLab, fill),
                        Map.of("serverUrl", "https://gitlab.example.com", "apiUrl", "https://api.acme.example/api/v4"))
                .getContentAsString();
        String checkOtherApi = post(
                        manager,
                        urlOf(gitLab, "checkCredentialsId"),
                        Map.of(
                                "value",
                                "gitlab-internal-token",
                                "serverUrl",
                                "https://gitlab.example.com",
                                "apiUrl",
                                "https://api.acme.example/api/v4"))
                .getContentAsString();

        // Then
        assertThat(forTeamGitLab, containsString("gitlab-internal-token"));
        assertThat(forTeamGitLab, containsString("gitlab-token"));
        assertThat(forOtherGitLab, not(containsString("gitlab-internal-token")));
        assertThat(forOtherGitLab, containsString("gitlab-token"));
        assertThat(forGitHub, not(containsString("gitlab-internal-token")));
        assertThat(checkOther, containsString("is visible to Jenkins"));
        assertThat(forOtherApi, not(containsString("gitlab-internal-token")));
        assertThat(forOtherApi, containsString("gitlab-token"));
        assertThat(checkOtherApi, containsString("is visible to Jenkins"));
    }

    private static WebResponse post(JenkinsRule.WebClient wc, String path, Map<String, String> parameters)
            throws Exception {
        WebRequest request = new WebRequest(wc.createCrumbedUrl(path), HttpMethod.POST);
        request.setRequestParameters(parameters.entrySet().stream()
                .map(entry -> new NameValuePair(entry.getKey(), entry.getValue()))
                .toList());
        return wc.loadWebResponse(request);
    }

    private static String urlOf(GitProviderDescriptor descriptor, String webMethod) {
        return "descriptorByName/" + descriptor.getId() + "/" + webMethod;
    }

    private static WebMethod check(String javaName, Map<String, String> parameters, String answer) {
        return new WebMethod(null, javaName, parameters, false, answer, null);
    }

    /** A drop-down: the Manage user's answer lists {@code listed} but not {@code refused}, a credential of another kind. */
    private static WebMethod fill(
            String javaName, String currentField, Map<String, String> parameters, String listed, String refused) {
        Map<String, String> withCurrent = new HashMap<>(parameters);
        withCurrent.put(currentField, "current-id");
        return new WebMethod(null, javaName, Map.copyOf(withCurrent), true, listed, refused);
    }

    /**
     * One web method.
     *
     * @param owner      the descriptor ID of the owner, or {@code null} for each provider type's descriptor
     * @param javaName   the Java method name
     * @param parameters the form parameters to send
     * @param fill       whether it fills a drop-down
     * @param answer     a fragment of the Manage user's answer; for a drop-down, a credential it must list
     * @param refused    for a drop-down, a credential of another kind it must not list
     */
    private record WebMethod(
            String owner,
            String javaName,
            Map<String, String> parameters,
            boolean fill,
            String answer,
            String refused) {
        String urlFor(GitProviderDescriptor providerDescriptor) {
            String id = owner != null ? owner : providerDescriptor.getId();
            return "descriptorByName/" + id + "/" + Character.toLowerCase(javaName.charAt(2)) + javaName.substring(3);
        }

        String listed() {
            return answer;
        }
    }
}
