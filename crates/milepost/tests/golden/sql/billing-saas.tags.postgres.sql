WITH p AS (
  SELECT
    CAST(1719791999 AS BIGINT) AS cutoff
), pop AS (
  SELECT
    y.c,
    y.st,
    y.ch,
    y.seg,
    y.pl,
    y.ow,
    y.arr
  FROM
    (
      SELECT
        cu."customer_id" AS c,
        COALESCE(CAST((cu."start_date" - DATE '1970-01-01') AS BIGINT) * 86400, CAST(FLOOR(fe.f / 86400.0) AS BIGINT) * 86400) AS st,
        CAST((cu."churn_date" - DATE '1970-01-01') AS BIGINT) * 86400 AS ch,
        cu."segment" AS seg,
        cu."plan" AS pl,
        cu."owner" AS ow,
        cu."arr" AS arr
      FROM
        "customers" AS cu
        LEFT JOIN (SELECT x."customer_id" AS c, CAST(FLOOR(EXTRACT(EPOCH FROM MIN(x."ts"))) AS BIGINT) AS f FROM "events" AS x GROUP BY x."customer_id") AS fe ON fe.c = cu."customer_id"
    ) AS y
    CROSS JOIN p AS p
  WHERE
    y.st <= p.cutoff
), ev0 AS (
  SELECT
    x."customer_id" AS c,
    CAST(FLOOR(EXTRACT(EPOCH FROM x."ts")) AS BIGINT) AS t,
    CASE x."event"
      WHEN 'account_configured' THEN
        0
      WHEN 'billing_cycle_completed' THEN
        1
      WHEN 'user_login' THEN
        2
      WHEN 'ar_days' THEN
        3
      WHEN 'module_purchased' THEN
        4
      WHEN 'referral_given' THEN
        5
    END AS e,
    CAST(COALESCE(x."value", 1) AS DOUBLE PRECISION) AS v,
    x."seq" AS s
  FROM
    "events" AS x
  WHERE
    x."event" IN ('account_configured', 'billing_cycle_completed', 'user_login', 'ar_days', 'module_purchased', 'referral_given')
), ev AS (
  SELECT
    ev0.c,
    ev0.t,
    ev0.e,
    ev0.v,
    ev0.s,
    CAST(FLOOR(ev0.t / 86400.0) AS BIGINT) AS d,
    CASE
      WHEN ROW_NUMBER() OVER (PARTITION BY ev0.c, ev0.e, CAST(FLOOR(ev0.t / 86400.0) AS BIGINT) ORDER BY ev0.t, ev0.s) = 1 THEN
        1
      ELSE
        0
    END AS fd,
    CASE
      WHEN ROW_NUMBER() OVER (PARTITION BY ev0.c, ev0.e, CAST(FLOOR(ev0.t / 86400.0) AS BIGINT) ORDER BY ev0.t DESC, ev0.s DESC) = 1 THEN
        1
      ELSE
        0
    END AS ld
  FROM
    ev0 AS ev0
    INNER JOIN pop AS pop ON pop.c = ev0.c
    CROSS JOIN p AS p
  WHERE
    ev0.t <= p.cutoff
), m0a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 0 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (0)
), m0 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    m0a AS m
  WHERE
    a0 >= 1
  GROUP BY
    c
), r0 AS (
  SELECT
    m.c,
    m.own AS at
  FROM
    m0 AS m
), m1a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 1 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (1)
), m1 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    m1a AS m
  WHERE
    a0 >= 1
  GROUP BY
    c
), r1 AS (
  SELECT
    m.c,
    GREATEST(m.own, r.at) AS at
  FROM
    m1 AS m
    INNER JOIN r0 AS r ON r.c = m.c
), m2a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 1 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (1)
), m2 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    m2a AS m
  WHERE
    a0 >= 3
  GROUP BY
    c
), r2 AS (
  SELECT
    m.c,
    GREATEST(m.own, r.at) AS at
  FROM
    m2 AS m
    INNER JOIN r1 AS r ON r.c = m.c
), m3a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 2 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c, d
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0,
    SUM(CASE WHEN e = 2 AND ld = 1 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN 2591999 PRECEDING AND CURRENT ROW
    ) AS g0,
    SUM(CASE WHEN e = 2 AND ld = 1 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c, d
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS b0
  FROM
    ev AS ev
  WHERE
    e IN (2)
), m3 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    m3a AS m
  WHERE
    (CASE WHEN a0 > 0 THEN 1 ELSE 0 END + g0 - CASE WHEN b0 > 0 THEN 1 ELSE 0 END) >= 10
  GROUP BY
    c
), r3 AS (
  SELECT
    m.c,
    GREATEST(m.own, r.at) AS at
  FROM
    m3 AS m
    INNER JOIN r2 AS r ON r.c = m.c
), m4a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    CASE
      WHEN ROW_NUMBER() OVER (PARTITION BY c, t ORDER BY s DESC) = 1 THEN
        1
      ELSE
        0
    END AS h,
    SUM(CASE WHEN e = 3 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t, s
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS n0
  FROM
    ev AS ev
  WHERE
    e IN (3)
), m4b AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    h,
    n0,
    MAX(CASE WHEN e = 3 THEN v END) OVER (
      PARTITION BY c, n0
    ) AS lv0,
    MAX(CASE WHEN e = 3 THEN t END) OVER (
      PARTITION BY c, n0
    ) AS lt0
  FROM
    m4a AS m
), m4 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    m4b AS m
  WHERE
    h = 1 AND lv0 <= 45
  GROUP BY
    c
), r4 AS (
  SELECT
    m.c,
    GREATEST(m.own, r.at) AS at
  FROM
    m4 AS m
    INNER JOIN r3 AS r ON r.c = m.c
), m5a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 4 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (4)
), m5 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    m5a AS m
  WHERE
    a0 >= 1
  GROUP BY
    c
), r5 AS (
  SELECT
    m.c,
    GREATEST(m.own, r.at) AS at
  FROM
    m5 AS m
    INNER JOIN r4 AS r ON r.c = m.c
), m6a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 5 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (5)
), m6 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    m6a AS m
  WHERE
    a0 >= 1
  GROUP BY
    c
), r6 AS (
  SELECT
    m.c,
    GREATEST(m.own, r.at) AS at
  FROM
    m6 AS m
    INNER JOIN r5 AS r ON r.c = m.c
)
SELECT
  pop.c AS customer_id,
  CASE
    WHEN r0.at IS NULL THEN
      'onboard'
    WHEN r1.at IS NULL THEN
      'onboard'
    WHEN r2.at IS NULL THEN
      'adopt'
    WHEN r3.at IS NULL THEN
      'adopt'
    WHEN r4.at IS NULL THEN
      'retain'
    WHEN r5.at IS NULL THEN
      'expand'
    WHEN r6.at IS NULL THEN
      'advocate'
    ELSE
      'advocate'
  END AS stage_id,
  CASE
    WHEN r6.at IS NOT NULL THEN
      'reference'
    WHEN r5.at IS NOT NULL THEN
      'next-module'
    WHEN r4.at IS NOT NULL THEN
      'ar-down'
    WHEN r3.at IS NOT NULL THEN
      'team-active'
    WHEN r2.at IS NOT NULL THEN
      'healthy-usage'
    WHEN r1.at IS NOT NULL THEN
      'first-cycle'
    WHEN r0.at IS NOT NULL THEN
      'configured'
  END AS furthest_milestone_id,
  CASE
    WHEN r6.at IS NOT NULL THEN
      7
    WHEN r5.at IS NOT NULL THEN
      6
    WHEN r4.at IS NOT NULL THEN
      5
    WHEN r3.at IS NOT NULL THEN
      4
    WHEN r2.at IS NOT NULL THEN
      3
    WHEN r1.at IS NOT NULL THEN
      2
    WHEN r0.at IS NOT NULL THEN
      1
    ELSE
      0
  END AS milestones_reached,
  CONCAT(CASE WHEN r0.at IS NOT NULL THEN 'configured' ELSE '' END, CASE WHEN r1.at IS NOT NULL THEN CONCAT(CASE WHEN r0.at IS NOT NULL THEN ',' ELSE '' END, 'first-cycle') ELSE '' END, CASE WHEN r2.at IS NOT NULL THEN CONCAT(CASE WHEN r1.at IS NOT NULL THEN ',' ELSE '' END, 'healthy-usage') ELSE '' END, CASE WHEN r3.at IS NOT NULL THEN CONCAT(CASE WHEN r2.at IS NOT NULL THEN ',' ELSE '' END, 'team-active') ELSE '' END, CASE WHEN r4.at IS NOT NULL THEN CONCAT(CASE WHEN r3.at IS NOT NULL THEN ',' ELSE '' END, 'ar-down') ELSE '' END, CASE WHEN r5.at IS NOT NULL THEN CONCAT(CASE WHEN r4.at IS NOT NULL THEN ',' ELSE '' END, 'next-module') ELSE '' END, CASE WHEN r6.at IS NOT NULL THEN CONCAT(CASE WHEN r5.at IS NOT NULL THEN ',' ELSE '' END, 'reference') ELSE '' END) AS milestone_tags,
  CONCAT(CASE WHEN r0.at IS NOT NULL AND r0.at > p.cutoff - 86400 THEN 'configured' ELSE '' END, CASE WHEN r1.at IS NOT NULL AND r1.at > p.cutoff - 86400 THEN CONCAT(CASE WHEN r0.at IS NOT NULL AND r0.at > p.cutoff - 86400 THEN ',' ELSE '' END, 'first-cycle') ELSE '' END, CASE WHEN r2.at IS NOT NULL AND r2.at > p.cutoff - 86400 THEN CONCAT(CASE WHEN r1.at IS NOT NULL AND r1.at > p.cutoff - 86400 THEN ',' ELSE '' END, 'healthy-usage') ELSE '' END, CASE WHEN r3.at IS NOT NULL AND r3.at > p.cutoff - 86400 THEN CONCAT(CASE WHEN r2.at IS NOT NULL AND r2.at > p.cutoff - 86400 THEN ',' ELSE '' END, 'team-active') ELSE '' END, CASE WHEN r4.at IS NOT NULL AND r4.at > p.cutoff - 86400 THEN CONCAT(CASE WHEN r3.at IS NOT NULL AND r3.at > p.cutoff - 86400 THEN ',' ELSE '' END, 'ar-down') ELSE '' END, CASE WHEN r5.at IS NOT NULL AND r5.at > p.cutoff - 86400 THEN CONCAT(CASE WHEN r4.at IS NOT NULL AND r4.at > p.cutoff - 86400 THEN ',' ELSE '' END, 'next-module') ELSE '' END, CASE WHEN r6.at IS NOT NULL AND r6.at > p.cutoff - 86400 THEN CONCAT(CASE WHEN r5.at IS NOT NULL AND r5.at > p.cutoff - 86400 THEN ',' ELSE '' END, 'reference') ELSE '' END) AS reached_on_the_day,
  TO_TIMESTAMP(p.cutoff) AS as_of_end
FROM
  pop AS pop
  CROSS JOIN p AS p
  LEFT JOIN r0 AS r0 ON r0.c = pop.c
  LEFT JOIN r1 AS r1 ON r1.c = pop.c
  LEFT JOIN r2 AS r2 ON r2.c = pop.c
  LEFT JOIN r3 AS r3 ON r3.c = pop.c
  LEFT JOIN r4 AS r4 ON r4.c = pop.c
  LEFT JOIN r5 AS r5 ON r5.c = pop.c
  LEFT JOIN r6 AS r6 ON r6.c = pop.c
