package io.jenkins.plugins.gitproviders.core.model;

/** Builds specifications that pass validation, one per type, for tests to break one field at a time. */
public final class ValidSpecs {
    private ValidSpecs() {}

    /** Returns a builder of a valid, active provider of the type with the given name. */
    public static ProviderSpec.Builder builder(String name, ProviderType type) {
        ProviderSpec.Builder builder = ProviderSpec.builder(name, type).credentialsId(type.id() + "-token");
        switch (type) {
            case GITHUB_ENTERPRISE -> builder.serverUrl("https://github.example.com");
            case GITLAB_SELF_MANAGED -> builder.serverUrl("https://gitlab.example.com");
            case BITBUCKET_DATA_CENTER -> builder.serverUrl("https://bitbucket.example.com");
            case GITEA -> builder.serverUrl("https://gitea.example.com");
            case BITBUCKET_CLOUD -> builder.username("jane").email("jane@example.com");
            case AZURE_DEVOPS -> builder.scope("fabrikam");
            default -> { }
        }
        return builder;
    }

    /** Returns a valid, active provider of the type with the given name. */
    public static ProviderSpec spec(String name, ProviderType type) {
        return builder(name, type).build();
    }

    /** Returns a valid, active GitHub.com provider with the given name. */
    public static ProviderSpec github(String name) {
        return spec(name, ProviderType.GITHUB);
    }
}
