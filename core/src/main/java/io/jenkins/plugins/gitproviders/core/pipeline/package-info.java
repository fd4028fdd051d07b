/**
 * The decisions behind the Pipeline steps {@code gitProviderCheckout} and {@code gitProvider}: what a step's
 * parameters ask for, which credential form git needs, what the step returns and prints. The plugin only adapts
 * Jenkins types to these and runs git.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.pipeline;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
