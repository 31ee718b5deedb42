workspace "Three-tier web app" "Exported from Concord" {
  !identifiers flat

  model {
    c_tpl_users = person "Shoppers" "User population" {
      properties {
        "geography" "continent"
        "peakConcurrent" "8000"
        "requestsPerUser" "6"
        "users" "200000"
      }
    }
    c_tpl_payments = softwareSystem "Payment provider" "External dependency" "External" {
      properties {
        "fallback" "queue"
        "provider" "Card processor"
        "quota" "200"
        "sla" "99.95"
      }
    }
    system = softwareSystem "Three-tier web app" {
      c_tpl_browser = container "Browser" "Web / mobile client" "web-client" {
        properties {
          "latencyP99" "800"
          "offline" "online-only"
          "platform" "browser"
          "retryPolicy" "backoff"
        }
      }
      c_tpl_dns = container "DNS" "DNS / global load balancer" "dns-glb" {
        properties {
          "availability" "99.99"
          "dnsTtl" "60000"
          "healthCheckInterval" "10000"
          "routing" "failover"
        }
      }
      c_tpl_lb = container "Load balancer" "Load balancer / API gateway" "load-balancer" {
        properties {
          "availability" "99.99"
          "balancing" "least-connections"
          "layer" "l7"
          "placement" "multi-zone"
          "replicasDesired" "2"
          "tlsTermination" "true"
        }
      }
      c_tpl_cache = container "Session & catalog cache" "Cache" "cache" {
        properties {
          "eviction" "lru"
          "hitRatio" "90"
          "instanceAvailability" "99.9"
          "memoryGb" "16"
          "placement" "multi-zone"
          "replicasDesired" "2"
          "state" "soft-state"
          "ttl" "300000"
          "writePolicy" "cache-aside"
        }
      }
      c_tpl_monitoring = container "Monitoring" "Monitoring / autoscaler" "monitoring" {
        properties {
          "alerting" "slo-burn"
          "cooldown" "300000"
          "scalingSignal" "cpu"
          "scrapeInterval" "15000"
        }
      }
      c_tpl_app_a = container "App servers (a)" "Stateless service" "stateless-service" {
        properties {
          "autoscaling" "cpu"
          "availability" "99.9"
          "deployment" "rolling"
          "idempotency" "keys"
          "latencyP99" "300"
          "replicasDesired" "3"
          "replicasMax" "10"
          "replicasMin" "2"
          "state" "stateless"
        }
      }
      c_tpl_db_leader = container "Orders DB (leader)" "Replicated relational DB" "relational-db" {
        properties {
          "consistency" "linearizable"
          "failover" "automatic"
          "instanceAvailability" "99.995"
          "isolation" "snapshot"
          "pacelc" "PC/EC"
          "readReplicas" "1"
          "replication" "leader-semi-sync"
          "rpo" "0"
          "rto" "60000"
          "state" "stateful"
        }
      }
      c_tpl_app_b = container "App servers (b)" "Stateless service" "stateless-service" {
        properties {
          "autoscaling" "cpu"
          "availability" "99.9"
          "deployment" "rolling"
          "idempotency" "keys"
          "latencyP99" "300"
          "replicasDesired" "3"
          "replicasMax" "10"
          "replicasMin" "2"
          "state" "stateless"
        }
      }
      c_tpl_db_follower = container "Orders DB (follower)" "Replicated relational DB" "relational-db" {
        properties {
          "consistency" "read-your-writes"
          "failover" "automatic"
          "instanceAvailability" "99.995"
          "isolation" "snapshot"
          "replication" "leader-semi-sync"
          "state" "stateful"
        }
      }
    }

    c_tpl_browser -> c_tpl_dns "synchronous" "DNS"
    c_tpl_browser -> c_tpl_lb "synchronous" "HTTPS (HTTP/1.1)"
    c_tpl_lb -> c_tpl_app_a "synchronous" "HTTP/2"
    c_tpl_lb -> c_tpl_app_b "synchronous" "HTTP/2"
    c_tpl_app_a -> c_tpl_cache "synchronous" "RESP (Redis)"
    c_tpl_app_b -> c_tpl_cache "synchronous" "RESP (Redis)"
    c_tpl_app_a -> c_tpl_db_leader "synchronous" "SQL wire protocol"
    c_tpl_app_b -> c_tpl_db_leader "synchronous" "SQL wire protocol"
    c_tpl_db_leader -> c_tpl_db_follower "streaming" "TCP (custom)"
    c_tpl_app_a -> c_tpl_payments "synchronous" "HTTPS (HTTP/1.1)"
    c_tpl_monitoring -> c_tpl_app_a "synchronous" "HTTPS (HTTP/1.1)"

    deploymentEnvironment "Board" {
      g_tpl_region = deploymentNode "eu-west" "Region" {
        g_tpl_zone_a = deploymentNode "Zone a" "Availability zone" {
          containerInstance c_tpl_app_a
          containerInstance c_tpl_db_leader
        }
        g_tpl_zone_b = deploymentNode "Zone b" "Availability zone" {
          containerInstance c_tpl_app_b
          containerInstance c_tpl_db_follower
        }
        containerInstance c_tpl_lb
        containerInstance c_tpl_cache
        containerInstance c_tpl_monitoring
      }
    }
  }

  views {
    systemContext system {
      include *
      autolayout lr
    }
    container system {
      include *
      autolayout lr
    }
    deployment system "Board" {
      include *
      autolayout lr
    }
    styles {
      element "Person" {
        shape person
      }
      element "External" {
        background #999999
      }
    }
  }
}
