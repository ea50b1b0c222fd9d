-- What each session is about, as explicitly identified (ProductIdentified): the figures by product. Sessions applied
-- before this column have none until the service-analytics read model is rebuilt (none could have one: the event is
-- new with this column).
ALTER TABLE analytics_session ADD COLUMN product VARCHAR(100);
