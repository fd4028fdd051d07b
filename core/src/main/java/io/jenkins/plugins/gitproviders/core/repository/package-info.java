/**
 * Repository identity: one normalised key for every URL form a host or a user writes.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.repository;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
