/* sc-denial-item.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-denial-item"

#include "config.h"

#include "sc-denial-item.h"

/* ---- ScDenialItem ----------------------------------------------------- */

struct _ScDenialItem
{
  GObject parent_instance;

  /* owned */
  ScDenialStore       *store;
  char                *hook_target; /* "hook:NAME", owned; else the target is the app */
  const char         **hosts;      /* owned array of the store's strings, no_hosts or one_host */
  const char          *one_host[2]; /* most groups are seen on one host: no array of their own */
  ScSuggestionResult  *suggestions;   /* nullable until asked for */

  /* borrowed from the store, kept alive by the reference above */
  const ScDenialGroup *group;

  ScDenialItemGoneFunc gone_func;   /* nullable: told when the item goes */
  gpointer             gone_data;

  guint64              count;
  gint64               first_seen;
  gint64               last_seen;
};

G_DEFINE_FINAL_TYPE (ScDenialItem, sc_denial_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_TARGET,
  PROP_COUNT,
  PROP_FIRST_SEEN,
  PROP_LAST_SEEN,
  PROP_HOSTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Most groups are seen on one host or none: no array of their own. */
static const char *no_hosts[] = { NULL };

static void
sc_denial_item_finalize (GObject *object)
{
  ScDenialItem *self = (ScDenialItem *) object;

  if (self->gone_func != NULL)
    self->gone_func (self->gone_data, self);
  g_clear_pointer (&self->hook_target, g_free);
  if (self->hosts != no_hosts && self->hosts != self->one_host)
    g_free (self->hosts);
  self->hosts = NULL;
  g_clear_pointer (&self->suggestions, sc_suggestion_result_free);
  self->group = NULL;
  g_clear_pointer (&self->store, sc_denial_store_unref);

  G_OBJECT_CLASS (sc_denial_item_parent_class)->finalize (object);
}

static void
sc_denial_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScDenialItem *self = SC_DENIAL_ITEM (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, sc_denial_item_get_key (self));
      break;
    case PROP_TARGET:
      g_value_set_string (value, sc_denial_item_get_target (self));
      break;
    case PROP_COUNT:
      g_value_set_uint64 (value, self->count);
      break;
    case PROP_FIRST_SEEN:
      g_value_set_int64 (value, self->first_seen);
      break;
    case PROP_LAST_SEEN:
      g_value_set_int64 (value, self->last_seen);
      break;
    case PROP_HOSTS:
      g_value_set_boxed (value, self->hosts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_denial_item_class_init (ScDenialItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_denial_item_finalize;
  object_class->get_property = sc_denial_item_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_COUNT] =
    g_param_spec_uint64 ("count", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FIRST_SEEN] =
    g_param_spec_int64 ("first-seen", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAST_SEEN] =
    g_param_spec_int64 ("last-seen", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HOSTS] =
    g_param_spec_boxed ("hosts", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_denial_item_init (ScDenialItem *self)
{
}

ScDenialItem *
sc_denial_item_new (ScDenialStore       *store,
                    const ScDenialGroup *group)
{
  ScDenialItem *self;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (group != NULL, NULL);

  self = g_object_new (SC_TYPE_DENIAL_ITEM, NULL);
  self->store = sc_denial_store_ref (store);
  self->group = group;

  self->hosts = no_hosts;

  return self;
}

ScDenialItem *
sc_denial_item_new_with_state (ScDenialStore       *store,
                               const ScDenialGroup *group,
                               guint64              count,
                               gint64               first_seen_usec,
                               gint64               last_seen_usec,
                               const char * const  *hosts)
{
  ScDenialItem *self = sc_denial_item_new (store, group);

  /* Nobody watches a new item: no notifications. */
  self->count = count;
  self->first_seen = first_seen_usec;
  self->last_seen = last_seen_usec;
  if (hosts != NULL && hosts[0] != NULL)
    {
      if (hosts[1] == NULL)
        {
          self->one_host[0] = hosts[0];
          self->hosts = self->one_host;
        }
      else
        self->hosts = g_memdup2 (hosts, (g_strv_length ((char **) hosts) + 1) * sizeof (char *));
    }
  return self;
}

void
sc_denial_item_set_gone_func (ScDenialItem         *self,
                              ScDenialItemGoneFunc  func,
                              gpointer              data)
{
  g_return_if_fail (SC_IS_DENIAL_ITEM (self));

  self->gone_func = func;
  self->gone_data = data;
}

const ScDenialGroup *
sc_denial_item_get_group (ScDenialItem *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_ITEM (self), NULL);

  return self->group;
}

ScDenial *
sc_denial_item_get_denial (ScDenialItem *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_ITEM (self), NULL);

  return self->group->denial;
}

const char *
sc_denial_item_get_key (ScDenialItem *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_ITEM (self), NULL);

  return self->group->key;
}

const char *
sc_denial_item_get_object (ScDenialItem *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_ITEM (self), NULL);

  /* The raw object is what the user recognises (their own path); the
   * pattern is the fallback for records that carry none. */
  if (self->group->denial != NULL && self->group->denial->object != NULL)
    return self->group->denial->object;
  return self->group->object_pattern;
}

const ScSuggestionResult *
sc_denial_item_get_suggestions (ScDenialItem *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_ITEM (self), NULL);

  /* Computed when a row first shows the group, then kept with the item. */
  if (self->suggestions == NULL)
    self->suggestions = sc_denial_group_dup_suggestions (self->group);
  return self->suggestions;
}

const char *
sc_denial_item_get_target (ScDenialItem *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_ITEM (self), NULL);

  if (self->group->denial == NULL)
    return NULL;
  if (self->group->denial->hook == NULL)
    return self->group->denial->app;
  /* Made when first asked for: most items are made only to be filtered. */
  if (self->hook_target == NULL)
    self->hook_target = g_strconcat ("hook:", self->group->denial->hook, NULL);
  return self->hook_target;
}

gboolean
sc_denial_item_get_noise (ScDenialItem *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_ITEM (self), FALSE);

  return self->group->denial != NULL && self->group->denial->noise;
}

guint64
sc_denial_item_get_count (ScDenialItem *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_ITEM (self), 0);

  return self->count;
}

gint64
sc_denial_item_get_first_seen (ScDenialItem *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_ITEM (self), 0);

  return self->first_seen;
}

gint64
sc_denial_item_get_last_seen (ScDenialItem *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_ITEM (self), 0);

  return self->last_seen;
}

const char * const *
sc_denial_item_get_hosts (ScDenialItem *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_ITEM (self), NULL);

  return (const char * const *) self->hosts;
}

void
sc_denial_item_update (ScDenialItem       *self,
                       guint64             count,
                       gint64              first_seen_usec,
                       gint64              last_seen_usec,
                       const char * const *hosts)
{
  g_return_if_fail (SC_IS_DENIAL_ITEM (self));

  /* No freeze/thaw: a bound row redraws per notify anyway, and items that
   * nobody watches yet (during loading) should cost as little as possible. */
  if (self->count != count)
    {
      self->count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }

  if (self->first_seen != first_seen_usec)
    {
      self->first_seen = first_seen_usec;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_SEEN]);
    }

  if (self->last_seen != last_seen_usec)
    {
      self->last_seen = last_seen_usec;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SEEN]);
    }

  if (hosts != NULL && !g_strv_equal ((const char * const *) self->hosts, hosts))
    {
      guint n = g_strv_length ((char **) hosts);

      if (self->hosts != no_hosts && self->hosts != self->one_host)
        g_free (self->hosts);
      /* The strings are the store's, which this item keeps alive. */
      if (n == 1)
        {
          self->one_host[0] = hosts[0];
          self->one_host[1] = NULL;
          self->hosts = self->one_host;
        }
      else
        self->hosts = g_memdup2 (hosts, (n + 1) * sizeof (char *));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOSTS]);
    }
}
