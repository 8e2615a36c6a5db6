"""How updates reach Kompas and replies leave it: polling, webhook, delivery, the offline chat."""
