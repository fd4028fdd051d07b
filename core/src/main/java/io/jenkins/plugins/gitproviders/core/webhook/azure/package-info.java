/**
 * Webhook parsers for Azure DevOps service hook deliveries (the "Web Hooks" consumer).
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.webhook.azure;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
