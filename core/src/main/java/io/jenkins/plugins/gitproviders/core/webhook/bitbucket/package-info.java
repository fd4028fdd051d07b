/**
 * Webhook parsers for Bitbucket Cloud and Bitbucket Server / Data Center deliveries.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.webhook.bitbucket;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
