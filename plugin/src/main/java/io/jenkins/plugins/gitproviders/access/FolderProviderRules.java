package io.jenkins.plugins.gitproviders.access;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import io.jenkins.plugins.gitproviders.core.access.FolderRule;
import io.jenkins.plugins.gitproviders.core.model.ItemPattern;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jenkins.model.Jenkins;

/**
 * The Git providers that the jobs inside each folder may use, by folder full name, as folders limit their credentials:
 * a job may use a provider only if every enclosing folder with a rule lists it. Kept by the plugin in
 * {@code $JENKINS_HOME/io.jenkins.plugins.gitproviders.folders.xml} (not as a folder property, so that any folder type
 * has it without a compile-time dependency on a folder plugin); follows folder renames, moves and deletions.
 */
@Extension
public final class FolderProviderRules implements Saveable {
    /** Folder full name to provider names; a folder without an entry adds no limit. */
    private final Map<String, List<String>> rules = new TreeMap<>();

    public FolderProviderRules() {
        XmlFile file = file();
        if (file.exists()) {
            try {
                file.unmarshal(this);
            } catch (IOException e) {
                throw new IllegalStateException(
                        "Cannot read the Git providers of folders from " + file
                                + "; fix or remove the file, or jobs inside limited folders would gain providers",
                        e);
            }
        }
    }

    /** Returns the singleton. */
    @NonNull
    public static FolderProviderRules get() {
        return ExtensionList.lookupSingleton(FolderProviderRules.class);
    }

    /** Returns the folder's rule; empty when the folder adds no limit. */
    @NonNull
    public synchronized Optional<FolderRule> ruleOf(@NonNull String folderFullName) {
        List<String> names = rules.get(folderFullName);
        return names == null ? Optional.empty() : Optional.of(new FolderRule(folderFullName, names));
    }

    /**
     * Limits the folder to the providers named, one per line (none: no provider), or removes its limit.
     *
     * @param providerNames the names, or {@code null} for no limit
     */
    public void set(@NonNull String folderFullName, @CheckForNull String providerNames) throws IOException {
        synchronized (this) {
            if (providerNames == null) {
                rules.remove(folderFullName);
            } else {
                rules.put(folderFullName, ItemPattern.lines(providerNames));
            }
        }
        save();
    }

    /** Follows a folder to its new full name (renamed, or moved with its parent). */
    void moved(@NonNull String oldFullName, @NonNull String newFullName) throws IOException {
        synchronized (this) {
            List<String> names = rules.remove(oldFullName);
            if (names == null) {
                return;
            }
            rules.put(newFullName, names);
        }
        save();
    }

    /** Forgets a deleted folder and every folder below it. */
    void deleted(@NonNull String fullName) throws IOException {
        synchronized (this) {
            String below = fullName + "/";
            if (!rules.keySet().removeIf(name -> name.equals(fullName) || name.startsWith(below))) {
                return;
            }
        }
        save();
    }

    /** Saves the rules; listeners re-read the webhook triggers, whose jobs may have gained or lost providers. */
    @Override
    public void save() throws IOException {
        if (BulkChange.contains(this)) {
            return;
        }
        synchronized (this) {
            file().write(this);
        }
        SaveableListener.fireOnChange(this, file());
    }

    private static XmlFile file() {
        return new XmlFile(
                Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), "io.jenkins.plugins.gitproviders.folders.xml"));
    }
}
