package io.jenkins.plugins.gitproviders.access;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.listeners.ItemListener;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Keeps each folder's Git providers with the folder when it is renamed, moved or deleted. */
@Extension
public final class FolderRulesListener extends ItemListener {
    @Override
    public void onLocationChanged(Item item, String oldFullName, String newFullName) {
        // Called for the moved item and again for every item below it, so each folder moves its own rule.
        if (item instanceof ItemGroup<?>) {
            update(() -> FolderProviderRules.get().moved(oldFullName, newFullName));
        }
    }

    @Override
    public void onDeleted(Item item) {
        if (item instanceof ItemGroup<?>) {
            update(() -> FolderProviderRules.get().deleted(item.getFullName()));
        }
    }

    private interface Change {
        void apply() throws IOException;
    }

    /** A rule that cannot follow its folder must not vanish silently: the rename or deletion reports it. */
    private static void update(Change change) {
        try {
            change.apply();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the Git providers of folders", e);
        }
    }
}
