/**
 * The reference target's tables: OpenCart 3 core tables it needs (prefix `oc_`) and the
 * tables the MesChain-Sync extension creates on install (names from the extension's design).
 */
export const SCHEMA_SQL = `
CREATE TABLE oc_user_group (
  user_group_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  permission TEXT NOT NULL            -- JSON {"access":[route...],"modify":[route...]}
);
CREATE TABLE oc_user (
  user_id INTEGER PRIMARY KEY,
  user_group_id INTEGER NOT NULL REFERENCES oc_user_group(user_group_id),
  username TEXT NOT NULL UNIQUE,
  password TEXT NOT NULL,             -- scrypt$N$r$p$salt$hash
  firstname TEXT NOT NULL, lastname TEXT NOT NULL, email TEXT NOT NULL,
  status INTEGER NOT NULL DEFAULT 1,
  date_added TEXT NOT NULL
);
CREATE TABLE oc_session (
  session_id TEXT PRIMARY KEY,        -- 26 lowercase hex characters (OCSESSID)
  data TEXT NOT NULL,                 -- JSON
  expire TEXT NOT NULL
);
CREATE TABLE oc_setting (
  setting_id INTEGER PRIMARY KEY,
  store_id INTEGER NOT NULL DEFAULT 0,
  code TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  serialized INTEGER NOT NULL DEFAULT 0,
  UNIQUE (store_id, key)
);
CREATE TABLE oc_extension (
  extension_id INTEGER PRIMARY KEY,
  type TEXT NOT NULL, code TEXT NOT NULL,
  UNIQUE (type, code)
);
CREATE TABLE oc_api (
  api_id INTEGER PRIMARY KEY, username TEXT NOT NULL, key TEXT NOT NULL, status INTEGER NOT NULL,
  date_added TEXT NOT NULL, date_modified TEXT NOT NULL
);
CREATE TABLE oc_api_ip (api_ip_id INTEGER PRIMARY KEY, api_id INTEGER NOT NULL, ip TEXT NOT NULL);
CREATE TABLE oc_api_session (
  api_session_id INTEGER PRIMARY KEY, api_id INTEGER NOT NULL, session_id TEXT NOT NULL UNIQUE,
  ip TEXT NOT NULL, date_added TEXT NOT NULL, date_modified TEXT NOT NULL
);
CREATE TABLE oc_customer_login (
  customer_login_id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,                -- admin lockout: lower-cased username
  ip TEXT NOT NULL,
  total INTEGER NOT NULL,
  date_added TEXT NOT NULL, date_modified TEXT NOT NULL
);
CREATE INDEX oc_customer_login_email ON oc_customer_login(email);
CREATE TABLE oc_category (
  category_id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL DEFAULT 0, status INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE oc_category_description (
  category_id INTEGER NOT NULL, language_id INTEGER NOT NULL, name TEXT NOT NULL,
  PRIMARY KEY (category_id, language_id)
);
CREATE TABLE oc_product (
  product_id INTEGER PRIMARY KEY,
  model TEXT NOT NULL, sku TEXT NOT NULL, ean TEXT NOT NULL,
  quantity INTEGER NOT NULL, price REAL NOT NULL, status INTEGER NOT NULL DEFAULT 1,
  date_added TEXT NOT NULL, date_modified TEXT NOT NULL
);
CREATE TABLE oc_product_description (
  product_id INTEGER NOT NULL, language_id INTEGER NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
  PRIMARY KEY (product_id, language_id)
);
CREATE TABLE oc_product_to_category (
  product_id INTEGER NOT NULL, category_id INTEGER NOT NULL, PRIMARY KEY (product_id, category_id)
);
CREATE TABLE oc_order (
  order_id INTEGER PRIMARY KEY,
  store_id INTEGER NOT NULL DEFAULT 0,
  firstname TEXT NOT NULL, lastname TEXT NOT NULL, email TEXT NOT NULL, telephone TEXT NOT NULL,
  total REAL NOT NULL, currency_code TEXT NOT NULL DEFAULT 'TRY',
  order_status_id INTEGER NOT NULL, comment TEXT NOT NULL DEFAULT '',
  date_added TEXT NOT NULL, date_modified TEXT NOT NULL
);
CREATE TABLE oc_order_product (
  order_product_id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES oc_order(order_id),
  product_id INTEGER NOT NULL, name TEXT NOT NULL, model TEXT NOT NULL,
  quantity INTEGER NOT NULL, price REAL NOT NULL, total REAL NOT NULL
);
CREATE TABLE oc_order_status (order_status_id INTEGER PRIMARY KEY, language_id INTEGER NOT NULL, name TEXT NOT NULL);

-- MesChain-Sync extension tables
CREATE TABLE meschain_product_mapping (
  mapping_id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL,
  marketplace TEXT NOT NULL,
  marketplace_product_id TEXT,
  marketplace_sku TEXT NOT NULL,
  last_sync TEXT,
  sync_status TEXT NOT NULL CHECK (sync_status IN ('pending','success','error')),
  error_message TEXT,
  UNIQUE (product_id, marketplace)
);
CREATE TABLE meschain_order_mapping (
  mapping_id INTEGER PRIMARY KEY,
  opencart_order_id INTEGER NOT NULL,
  marketplace TEXT NOT NULL,
  marketplace_order_id TEXT NOT NULL,
  sync_status TEXT NOT NULL,
  date_added TEXT NOT NULL,
  UNIQUE (opencart_order_id, marketplace),
  UNIQUE (marketplace, marketplace_order_id)
);
CREATE TABLE meschain_category_mapping (
  mapping_id INTEGER PRIMARY KEY,
  opencart_category_id INTEGER NOT NULL,
  marketplace TEXT NOT NULL,
  marketplace_category_id TEXT NOT NULL,
  marketplace_category_name TEXT NOT NULL,
  date_modified TEXT NOT NULL,
  UNIQUE (opencart_category_id, marketplace)
);
CREATE TABLE meschain_sync_log (
  log_id INTEGER PRIMARY KEY,
  marketplace TEXT NOT NULL,
  operation TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('success','error','warning')),
  message TEXT NOT NULL,
  items INTEGER NOT NULL DEFAULT 0,
  duration_ms INTEGER NOT NULL DEFAULT 0,
  job_id INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX meschain_sync_log_created ON meschain_sync_log(created_at);
CREATE TABLE meschain_webhook_log (
  webhook_id INTEGER PRIMARY KEY,
  marketplace TEXT NOT NULL,
  event TEXT NOT NULL,
  event_id TEXT,
  payload TEXT NOT NULL,
  signature TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('success','failed','rejected')),
  http_status INTEGER NOT NULL,
  response_time_ms INTEGER NOT NULL,
  retry_count INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX meschain_webhook_event ON meschain_webhook_log(marketplace, event_id) WHERE event_id IS NOT NULL AND status = 'success';
CREATE TABLE meschain_sync_job (
  job_id INTEGER PRIMARY KEY,
  marketplace TEXT NOT NULL,
  type TEXT NOT NULL,                 -- products | stock | prices
  payload TEXT NOT NULL,              -- JSON
  status TEXT NOT NULL CHECK (status IN ('queued','running','done','failed')),
  total INTEGER NOT NULL DEFAULT 0,
  processed INTEGER NOT NULL DEFAULT 0,
  succeeded INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  created_by INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;

/** Tables in delete order for a reset (children first). */
export const ALL_TABLES = [
  'meschain_sync_job',
  'meschain_webhook_log',
  'meschain_sync_log',
  'meschain_category_mapping',
  'meschain_order_mapping',
  'meschain_product_mapping',
  'oc_order_product',
  'oc_order',
  'oc_order_status',
  'oc_product_to_category',
  'oc_product_description',
  'oc_product',
  'oc_category_description',
  'oc_category',
  'oc_customer_login',
  'oc_api_session',
  'oc_api_ip',
  'oc_api',
  'oc_extension',
  'oc_setting',
  'oc_session',
  'oc_user',
  'oc_user_group',
] as const;
