package io.jenkins.plugins.gitproviders.core.client.gitlab;

import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.library.Network;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.ProxyClientConfig;
import org.gitlab4j.models.Constants.TokenType;
import org.glassfish.jersey.apache.connector.ApacheClientProperties;
import org.glassfish.jersey.client.ClientProperties;

/**
 * Builds the GitLab4J client of one operation with the same safeguards everywhere: connections only to the API's
 * origin, the settings' proxy, and the User-Agent.
 */
final class GitLabApis {
    /** Where GitLab serves its REST API below the server address. */
    static final String API_PATH = "/api/v4";

    private GitLabApis() {}

    /**
     * Creates a client for an API address ending in {@value #API_PATH}.
     *
     * @param connections the connection manager that refuses other origins; the caller shuts it down
     */
    static GitLabApi open(String apiUrl, String secret, HttpSettings settings, SameOriginConnections connections) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ClientProperties.FOLLOW_REDIRECTS, Boolean.FALSE);
        URI uri = URI.create(apiUrl);
        // GitLab4J forces redirects on for every request and the Apache connector repeats the token header on
        // them. The mere presence of the proxy key selects that connector (a null value sets no proxy), whose
        // connection manager then refuses every origin but the API's.
        properties.put(ClientProperties.PROXY_URI, null);
        properties.put(ApacheClientProperties.CONNECTION_MANAGER, connections);
        // GitLab4J builds a new client whenever the timeouts change; the manager outlives them all.
        properties.put(ApacheClientProperties.CONNECTION_MANAGER_SHARED, Boolean.TRUE);
        if (settings.proxy().isPresent() && !new Network.SettingsProxySelector(settings).bypasses(uri.getHost())) {
            properties.putAll(ProxyClientConfig.createProxyClientConfig(
                    "http://" + settings.proxyHost() + ":" + settings.proxyPort()));
        }
        String hostUrl = apiUrl.substring(0, apiUrl.length() - API_PATH.length());
        GitLabApi api = new GitLabApi(hostUrl, TokenType.PRIVATE, secret, null, properties);
        api.setUserAgentHeader(settings.userAgent());
        return api;
    }
}
